//! `brand:` in site.yaml: an organisation's colours, logo and footer links, checked for
//! accessibility, and the small stylesheet that carries the colours to the theme.
//!
//! The security policy forbids inline styles, so the colours travel as CSS custom
//! properties in a generated stylesheet (`brand.css`, hashed like the theme's files) that
//! the theme links after its own.

use serde::{Deserialize, Serialize};

use crate::colour::{contrast, passing_shade, Rgb, TEXT_CONTRAST, WHITE};
use crate::diagnostic::Diagnostic;

use super::LoadedConfig;

/// The asset name of the generated stylesheet.
pub const STYLESHEET: &str = "brand.css";

/// The darkest background the theme puts links on: the campaign banner's pale blue
/// (its footer's grey, #f3f2f1, and white are lighter).
pub const LINK_BACKGROUND: Rgb = Rgb(0xe8, 0xf1, 0xf8);

/// How the site looks: every key is optional, and the theme's own colours stay for those
/// left out.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Brand {
    /// The header's colour, with white text on it.
    #[serde(default)]
    pub colour: Option<String>,
    /// Links and buttons: links on white and pale backgrounds, white text on buttons.
    #[serde(default)]
    pub accent: Option<String>,
    /// The address of an SVG or PNG file from static/ or content/, such as `/logo.svg`.
    #[serde(default)]
    pub logo: Option<String>,
    /// What the logo says, for people who cannot see it.
    #[serde(default)]
    pub logo_alt: String,
    /// Extra links at the foot of every page.
    #[serde(default)]
    pub footer_links: Vec<FooterLink>,
}

/// A link at the foot of every page.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FooterLink {
    pub text: String,
    /// `@/page.md` for a page of the site, or an `https://` address.
    pub url: String,
    /// The text in the other languages, by code.
    #[serde(default)]
    pub translations: std::collections::BTreeMap<String, super::LinkText>,
}

impl Brand {
    /// The stylesheet setting the theme's custom properties, when a colour is set.
    pub fn stylesheet(&self) -> Option<String> {
        let colour = self.colour.as_deref().and_then(Rgb::parse);
        let accent = self.accent.as_deref().and_then(Rgb::parse);
        if colour.is_none() && accent.is_none() {
            return None;
        }
        let mut properties = String::new();
        if let Some(c) = colour {
            properties.push_str(&format!("--brand:{c};"));
        }
        if let Some(a) = accent {
            // Hover and pressed shades are darker still, so they pass whenever it does.
            let (hover, shadow) = (a.with_lightness(0.8), a.with_lightness(0.45));
            properties.push_str(&format!(
                "--link:{a};--accent:{a};--link-hover:{hover};--button:{a};--button-hover:{hover};--button-shadow:{shadow};"
            ));
        }
        Some(format!(
            "/* Made by site-builder from brand: in content/site.yaml. */\n:root{{{properties}}}\n"
        ))
    }
}

/// Problems with `brand:`: colours that cannot be read or that fail WCAG 1.4.3, and a
/// logo without its text or of another kind. Whether the logo's file exists is known
/// only once the site's files are planned.
pub fn problems(loaded: &LoadedConfig) -> Vec<Diagnostic> {
    let Some(brand) = &loaded.config.brand else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let checks = [
        ("colour", &brand.colour, WHITE, "white text on it"),
        ("accent", &brand.accent, LINK_BACKGROUND, "the campaign banner's pale blue (#e8f1f8), the darkest background the theme puts links on"),
    ];
    for (key, value, against, what) in checks {
        let Some(text) = value else { continue };
        let at = format!("brand.{key}");
        let Some(colour) = Rgb::parse(text) else {
            problems.push(
                loaded
                    .problem_at(&at, format!("`{text}` is not a colour the build can read"))
                    .with_help(
                        "write it as # and six hexadecimal digits, such as \"#1d3557\", in quotes",
                    ),
            );
            continue;
        };
        let ratio = contrast(colour, against);
        if ratio < TEXT_CONTRAST {
            let shade = passing_shade(colour, against, TEXT_CONTRAST);
            problems.push(
                loaded
                    .problem_at(&at, format!(
                        "`{text}` has a contrast ratio of {:.2}:1 with {what}, below the 4.5:1 that WCAG 1.4.3 asks for text",
                        floor(ratio)
                    ))
                    .with_help(format!(
                        "a darker shade of the same colour passes: \"{shade}\" ({:.2}:1)",
                        floor(contrast(shade, against))
                    )),
            );
        }
    }
    if let Some(logo) = &brand.logo {
        let lower = logo.to_ascii_lowercase();
        if !(lower.ends_with(".svg") || lower.ends_with(".png")) || !logo.starts_with('/') {
            problems.push(
                loaded
                    .problem_at("brand.logo", format!("the logo `{logo}` is not the address of an SVG or PNG file"))
                    .with_help("put the file in static/ (or beside a page in content/) and write its address, such as /logo.svg"),
            );
        }
        if brand.logo_alt.trim().is_empty() {
            problems.push(
                loaded
                    .problem_at("brand.logo", "the logo has no `logo_alt`: people who cannot see it would not know what it says")
                    .with_help("add `logo_alt:` under `brand:` with the logo's words, such as the organisation's name"),
            );
        }
    }
    for (i, link) in brand.footer_links.iter().enumerate() {
        if !(link.url.starts_with("@/") || link.url.starts_with("https://")) {
            problems.push(
                loaded
                    .problem_at(&format!("brand.footer_links.{i}.url"), format!("the footer link `{}` is neither a page of the site nor an https:// address", link.url))
                    .with_help("link to a page as @/section/page.md, or to another site with https://"),
            );
        }
    }
    problems
}

/// A ratio rounded down, so that 4.499 is never shown as a passing 4.50.
fn floor(ratio: f64) -> f64 {
    (ratio * 100.0).floor() / 100.0
}
