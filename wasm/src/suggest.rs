//! "Did you mean" for mistyped ids.

/// The candidate an editor most likely meant by `typed`, if any is close. This is the one
/// "did you mean" of the project: site-builder uses it for field names, paths and links.
///
/// A candidate that starts with what was typed (or the reverse) wins, because editors
/// abbreviate long names (`twice` for `twice-or-more`) more often than they misspell them;
/// otherwise the nearest by edit distance, if within a third of the length. Ties go to
/// the candidate that sorts first, so the answer never depends on the candidates' order.
pub fn closest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut candidates: Vec<&str> = candidates.into_iter().filter(|c| *c != typed).collect();
    candidates.sort_unstable();
    candidates.dedup();
    let prefix = candidates
        .iter()
        .filter(|c| typed.len() >= 2 && (c.starts_with(typed) || typed.starts_with(**c)))
        .min_by_key(|c| c.len().abs_diff(typed.len()));
    if let Some(found) = prefix {
        return Some(found);
    }
    let limit = typed.chars().count() / 3 + 1;
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(typed, c), c))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// "help: did you mean `x`?", when there is a likely `x`.
pub(crate) fn did_you_mean<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(typed, candidates).map(|c| format!("did you mean `{c}`?"))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_the_id_that_was_abbreviated() {
        let options = ["once", "twice-or-more", "not-sure"];
        assert_eq!(closest("twice", options), Some("twice-or-more"));
    }

    #[test]
    fn finds_misspellings_but_not_strangers() {
        let questions = ["danger", "behaviours", "occasions"];
        assert_eq!(closest("dangr", questions), Some("danger"));
        assert_eq!(closest("behaviors", questions), Some("behaviours"));
        assert_eq!(closest("colour", questions), None);
        // Equal distances: the one that sorts first, whatever the order given.
        assert_eq!(closest("cat", ["cut", "cab"]), closest("cat", ["cab", "cut"]));
    }
}
