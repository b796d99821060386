//! An `@/` link's target, `page.md#anchor`, and the address it has in the library: one
//! reading for links in pages, in the banner and in `expired_redirect`.

use super::Library;

/// The parts of `page.md#anchor` (the `@/` taken off).
pub struct PageLink<'a> {
    /// The source file named, relative to `content/`.
    pub source: &'a str,
    anchor: Option<&'a str>,
}

/// Where a link leads on the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub url: String,
    /// The page is not in the language asked for: it falls back to another.
    pub fallback: bool,
}

impl<'a> PageLink<'a> {
    pub fn parse(target: &'a str) -> PageLink<'a> {
        let (source, anchor) = match target.split_once('#') {
            Some((source, anchor)) => (source, Some(anchor)),
            None => (target, None),
        };
        PageLink { source, anchor }
    }

    /// `url` with the link's anchor, if it has one.
    pub fn at(&self, url: &str) -> String {
        match self.anchor {
            Some(anchor) => format!("{url}#{anchor}"),
            None => url.to_string(),
        }
    }

    /// The address of the page named, as seen from a page in language `lang`: the page's
    /// translation into `lang` when it has one (a link to a translation's own file keeps
    /// it), else the page itself; a page whose front matter failed leads where it would
    /// be. `None` when the library has no such page today.
    pub fn address(&self, library: &Library, lang: usize) -> Option<Address> {
        if let Some(&index) = library.by_source.get(self.source) {
            let chosen = match library.documents[index].translation_of {
                Some(_) => index,
                None => library.in_language(index, lang),
            };
            let doc = &library.documents[chosen];
            return Some(Address {
                url: self.at(&doc.url),
                fallback: doc.lang != lang,
            });
        }
        (library.unreadable.get(self.source)).map(|url| Address {
            url: self.at(url),
            fallback: false,
        })
    }
}
