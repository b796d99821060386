//! Heading ids: made from the heading's text, and unique within a page.

use std::collections::{HashMap, HashSet};

/// `What happens next?` becomes `what-happens-next`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_') && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        "section".into()
    } else {
        slug.to_string()
    }
}

/// The ids of one page, handed out so that none repeats.
#[derive(Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    /// For each base, the next number to try: counting on from there, rather than from 1
    /// each time, keeps a page of 20,000 equal headings linear.
    next: HashMap<String, usize>,
}

impl Ids {
    pub fn new(taken: HashSet<String>) -> Ids {
        Ids {
            taken,
            next: HashMap::new(),
        }
    }

    /// An id the editor chose; it is taken as it is.
    pub fn claim(&mut self, id: &str) -> String {
        self.taken.insert(id.to_string());
        id.to_string()
    }

    /// `base`, or `base-1`, `base-2`... whichever is not taken yet.
    pub fn unique(&mut self, base: &str) -> String {
        if self.taken.insert(base.to_string()) {
            return base.to_string();
        }
        let n = self.next.entry(base.to_string()).or_insert(1);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }

    pub fn into_taken(self) -> HashSet<String> {
        self.taken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_drop_punctuation() {
        assert_eq!(slugify("What happens next?"), "what-happens-next");
        assert_eq!(slugify("999 — in an emergency"), "999-in-an-emergency");
        assert_eq!(slugify("Stalking & harassment"), "stalking-harassment");
    }

    #[test]
    fn ids_stay_unique() {
        let taken: HashSet<String> = ["help".to_string(), "help-1".to_string()].into();
        let mut ids = Ids::new(taken);
        assert_eq!(ids.unique("help"), "help-2");
        assert_eq!(ids.unique("help"), "help-3");
        assert_eq!(ids.claim("help-4"), "help-4");
        assert_eq!(ids.unique("help"), "help-5");
        assert_eq!(ids.unique("other"), "other");
    }
}
