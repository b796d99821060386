//! "Did you mean" for mistyped ids.

/// The candidate an editor most likely meant by `typed`, if any is close.
///
/// A candidate that starts with what was typed (or the reverse) wins, because editors
/// abbreviate long ids (`twice` for `twice-or-more`) more often than they misspell them;
/// otherwise the nearest by edit distance, if within a third of the length.
pub(crate) fn closest<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().filter(|c| *c != typed).collect();
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
        .map(|c| (distance(typed, c), c))
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

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(ca != *cb);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
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
        assert_eq!(distance("kitten", "sitting"), 3);
    }
}
