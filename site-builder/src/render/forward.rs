//! The page left at an expired page's old address, for hosts that read no redirect file
//! (and for visitors whose browser does not follow a refresh): the site's own page, made
//! from its `base.html`, so it carries the security policy, the quick exit and the help
//! lines, saying where the page went, with a plain link there, and forwarding at once.
//!
//! A site may write its own as `templates/forward.html`; it gets `forward` (`title`,
//! `ended`, `to`, `to_title`) and must extend `base.html` like any page.

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, RewriteStrSettings};
use tera::{Context, Tera};

use crate::content::{Forward, Library};
use crate::strings::Strings;

use super::Templates;

/// The template a site writes to change the page.
const OVERRIDE: &str = "forward.html";
/// The built-in one, under a name no site file can take.
const BUILT_IN: &str = "site-builder/forward.html";

const TEMPLATE: &str = r#"{% extends "base.html" %}
{% block title %}{{ t(key="moved-title") }}{% endblock title %}
{% block content %}
<h1>{{ t(key="moved-title") }}</h1>
<p>{{ t(key="moved-text", title=forward.title, date=forward.ended) }}</p>
<p><a href="{{ forward.to }}">{{ t(key="moved-go", title=forward.to_title) }}</a></p>
{% endblock content %}
"#;

/// Adds the built-in template, unless the site has its own.
pub fn install(tera: &mut Tera, templates: &Templates) {
    if !templates.has(OVERRIDE) {
        tera.add_raw_template(BUILT_IN, TEMPLATE)
            .expect("the built-in forwarding template parses");
    }
}

pub fn template(templates: &Templates) -> &'static str {
    if templates.has(OVERRIDE) {
        OVERRIDE
    } else {
        BUILT_IN
    }
}

/// What the forwarding page depends on, of the templates.
pub fn fingerprint(templates: &Templates) -> blake3::Hash {
    match templates.has(OVERRIDE) {
        true => templates.fingerprint(OVERRIDE),
        false => blake3::hash(
            &[
                TEMPLATE.as_bytes(),
                templates.fingerprint("base.html").as_bytes(),
            ]
            .concat(),
        ),
    }
}

/// The title of the page an expired page now leads to (its address when it is no page).
pub fn to_title<'a>(forward: &'a Forward, library: &'a Library) -> &'a str {
    let page = forward.to.split('#').next().unwrap_or(&forward.to);
    (library.documents.iter())
        .find(|d| d.url == page)
        .map_or(page, |d| d.front.title.as_str())
}

pub fn context(forward: &Forward, library: &Library, strings: &Strings) -> Context {
    let to_title = to_title(forward, library);
    let mut context = Context::new();
    context.insert(
        "forward",
        &serde_json::json!({
            "title": forward.title,
            "ended": strings.date_long(forward.lang, forward.expired),
            "to": forward.to,
            "to_title": to_title,
        }),
    );
    context.insert("current_url", &forward.from);
    context
}

/// The page with `<meta http-equiv="refresh">` to `to` and `noindex` added to its head.
/// The page checks then read the refresh like a link, so it must lead to the site itself.
pub fn with_refresh(html: &str, to: &str) -> String {
    let meta = format!(
        "<meta http-equiv=\"refresh\" content=\"0; url={}\">\n<meta name=\"robots\" content=\"noindex\">\n",
        htmlize::escape_attribute(to)
    );
    let settings =
        RewriteStrSettings::new().append_element_content_handler(element!("head", |el| {
            el.append(&meta, ContentType::Html);
            Ok(())
        }));
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}
