//! The one rule for the last part of a web address that an editor chooses: a `slug` in
//! front matter, or the name given to `new campaign`.

/// What is wrong with `slug`, if anything. A slug is one path segment of lowercase letters,
/// digits, `-` and `_`: no `/` or `\` (which would make more segments), no `.` (so `..`
/// and `.` cannot climb out of the site or replace the home page), and no capitals (which
/// collide with lowercase addresses on case-insensitive hosts).
pub fn problem(slug: &str) -> Option<String> {
    if slug.is_empty() {
        return Some("the slug is empty".into());
    }
    if slug.chars().all(|c| c == '.') {
        return Some(format!("the slug `{slug}` would point outside its folder"));
    }
    let bad = slug
        .chars()
        .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'))?;
    Some(match bad {
        '/' | '\\' => format!("the slug `{slug}` has a `{bad}`: a slug is one part of the address"),
        c if c.is_ascii_uppercase() => format!("the slug `{slug}` has capital letters"),
        _ => format!("the slug `{slug}` cannot be used in a web address"),
    })
}

/// The help line for a slug problem.
pub const HELP: &str = "use lowercase letters, digits and hyphens, for example `report-online`";

#[cfg(test)]
mod tests {
    use super::problem;

    #[test]
    fn slugs_are_one_plain_segment() {
        for good in ["report-online", "2027", "a_b", "x"] {
            assert_eq!(problem(good), None, "{good}");
        }
        for bad in [
            "", ".", "..", "...", "a/b", "a\\b", "../x", "Report", "café", "a b", "a.b", "404.html",
        ] {
            assert!(problem(bad).is_some(), "{bad:?}");
        }
    }
}
