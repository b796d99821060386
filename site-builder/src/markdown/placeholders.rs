//! `{{ support.KEY.FIELD }}` in Markdown: a helpline's details written once, in site.yaml,
//! and shown wherever the text needs them, so a changed number changes everywhere.

use crate::config::SupportService;

/// The fields a placeholder may name.
const FIELDS: [&str; 7] = ["name", "phone", "tel", "hours", "url", "text", "relay"];

/// A placeholder that names something site.yaml does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// Byte offset of the `{{` in the text.
    pub offset: usize,
    pub message: String,
    pub help: String,
}

/// Replaces every `{{ support.KEY.FIELD }}` in `text`; other text is left as it is. With
/// `isolate` (text that runs right to left), a number is written in a left-to-right
/// isolate, so `0808 802 0300` is never shown as `0300 802 0808`.
pub fn fill(text: &str, support: &[SupportService], isolate: bool) -> Result<String, Unknown> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut consumed = 0;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start..].find("}}") else {
            return Err(Unknown {
                offset: consumed + start,
                message: "`{{` is never closed: the placeholder needs `}}`".into(),
                help: "write it as `{{ support.KEY.phone }}`, with both pairs of braces".into(),
            });
        };
        let inner = rest[start + 2..start + length].trim();
        out.push_str(&rest[..start]);
        let filled = value(inner, support).map_err(|(message, help)| Unknown {
            offset: consumed + start,
            message,
            help,
        })?;
        let number = [".phone", ".text", ".relay"]
            .iter()
            .any(|f| inner.ends_with(f));
        if isolate && number {
            // LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE.
            out.push_str(&format!("\u{2066}{filled}\u{2069}"));
        } else {
            out.push_str(&filled);
        }
        let end = start + length + 2;
        consumed += end;
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

fn value(inner: &str, support: &[SupportService]) -> Result<String, (String, String)> {
    let keys = || {
        support
            .iter()
            .map(|s| format!("`{}`", s.key))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = inner.split('.');
    let (Some("support"), Some(key), Some(field), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err((
            format!("`{{{{ {inner} }}}}` is not something the site can fill in"),
            "write `{{ support.KEY.phone }}`, with a `key` from the support list in content/site.yaml".into(),
        ));
    };
    let Some(service) = support.iter().find(|s| s.key == key) else {
        return Err((
            format!("there is no support service with the key `{key}` in content/site.yaml"),
            format!("the keys are {}", keys()),
        ));
    };
    Ok(match field {
        "name" => service.name.clone(),
        "phone" => service.phone.clone(),
        "tel" => format!(
            "tel:{}",
            service
                .phone
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        ),
        "hours" => service.hours.clone(),
        "url" => service.url.clone(),
        "text" | "relay" => {
            let value = if field == "text" {
                &service.text
            } else {
                &service.relay
            };
            if value.is_empty() {
                return Err((
                    format!(
                        "the support service `{key}` has no `{field}` number in content/site.yaml"
                    ),
                    format!("add `{field}:` to the `{key}` entry, or remove this placeholder"),
                ));
            }
            value.clone()
        }
        _ => {
            return Err((
                format!("support services have no field `{field}`"),
                format!("use one of {}", FIELDS.map(|f| format!("`{f}`")).join(", ")),
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services() -> Vec<SupportService> {
        vec![SupportService {
            key: "helpline".into(),
            name: "National Stalking Helpline".into(),
            phone: "0808 802 0300".into(),
            hours: "Weekdays".into(),
            url: "https://example.org".into(),
            description: String::new(),
            checked: "2026-11-01".parse().unwrap(),
            text: String::new(),
            relay: "18001 0808 802 0300".into(),
            chat_url: String::new(),
            bsl_url: String::new(),
            translations: Default::default(),
            fallback: Vec::new(),
        }]
    }

    #[test]
    fn numbers_in_right_to_left_text_run_left_to_right() {
        let filled = fill(
            "{{ support.helpline.phone }} {{ support.helpline.name }}",
            &services(),
            true,
        );
        assert_eq!(
            filled.unwrap(),
            "\u{2066}0808 802 0300\u{2069} National Stalking Helpline"
        );
    }

    #[test]
    fn fills_fields_and_leaves_other_text() {
        let text = "Call {{ support.helpline.phone }} ({{support.helpline.tel}}), {{ support.helpline.hours }}.";
        assert_eq!(
            fill(text, &services(), false).unwrap(),
            "Call 0808 802 0300 (tel:08088020300), Weekdays."
        );
        assert_eq!(
            fill("no braces { here }", &services(), false).unwrap(),
            "no braces { here }"
        );
        let err = fill("Call {{ support.helpline.phone }", &services(), false).unwrap_err();
        assert_eq!(
            (err.offset, err.message.as_str()),
            (5, "`{{` is never closed: the placeholder needs `}}`")
        );
    }

    #[test]
    fn unknown_keys_and_fields_are_reported_where_they_are() {
        let err = fill(
            "Call {{ support.helpline.phone }} or {{ support.helpine.phone }}",
            &services(),
            false,
        )
        .unwrap_err();
        assert_eq!(err.offset, 37);
        assert_eq!(
            err.message,
            "there is no support service with the key `helpine` in content/site.yaml"
        );
        let err = fill("{{ support.helpline.email }}", &services(), false).unwrap_err();
        assert_eq!(err.message, "support services have no field `email`");
        assert_eq!(
            fill("{{ support.helpline.relay }}", &services(), false).unwrap(),
            "18001 0808 802 0300"
        );
        let err = fill("{{ support.helpline.text }}", &services(), false).unwrap_err();
        assert_eq!(
            err.message,
            "the support service `helpline` has no `text` number in content/site.yaml"
        );
    }
}
