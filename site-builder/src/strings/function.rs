//! `t(key="name", ...)` in templates: the message in the page's language. Other keyword
//! arguments are the message's variables (`count=2` chooses the plural form). A variable
//! whose name starts with `tel_` is a phone number, written as a `tel:` link where the
//! message puts it, so a translation can put the number where its grammar wants it.
//!
//! The result is HTML: the message's text escaped, and the links built here.

use std::sync::Arc;

use fluent_bundle::{FluentArgs, FluentValue};
use tera::{Kwargs, State, Tera, TeraResult, Value};

use super::Strings;

/// Registers `t` for pages in language `lang`.
pub fn install(tera: &mut Tera, strings: Arc<Strings>, lang: usize) {
    tera.register_function("t", move |kwargs: Kwargs, _: &State| -> TeraResult<Value> {
        let key: String = kwargs.must_get::<&str>("key")?.to_string();
        let mut args = FluentArgs::new();
        let mut links = Vec::new();
        for (name, value) in kwargs.iter() {
            let Some(name) = name.as_str().filter(|n| *n != "key") else {
                continue;
            };
            if let (Some(_), Some(phone)) = (name.strip_prefix("tel_"), value.as_str()) {
                // A mark no message holds, replaced by the link once the text is escaped.
                args.set(name.to_string(), format!("\u{E000}{}\u{E001}", links.len()));
                links.push(phone_link(phone));
            } else if let Some(n) = value.as_i64() {
                args.set(name.to_string(), n);
            } else if let Some(n) = value.as_f64() {
                args.set(name.to_string(), n);
            } else {
                args.set(
                    name.to_string(),
                    FluentValue::from(value.as_str().unwrap_or_default().to_string()),
                );
            }
        }
        let text = strings.text(lang, &key, Some(&args)).unwrap_or(key);
        let mut html = escape(&text);
        for (i, link) in links.iter().enumerate() {
            html = html.replace(&format!("\u{E000}{i}\u{E001}"), link);
        }
        Ok(Value::safe_string(&html))
    });
}

/// Text escaped for HTML, in text or in a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// `<a href="tel:999">999</a>`: the number as written, dialled without its spaces.
fn phone_link(phone: &str) -> String {
    let dial: String = phone.chars().filter(|c| !c.is_whitespace()).collect();
    format!(
        "<a href=\"tel:{}\" dir=\"ltr\">{}</a>",
        escape(&dial),
        escape(phone)
    )
}
