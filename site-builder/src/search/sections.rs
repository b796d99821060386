//! A rendered page's text, cut into sections at its headings, so that a result can link
//! to `page/#heading`. The markdown stage reads it from the body it renders
//! (`markdown::text`), so the index holds what a visitor reads.

/// A page as the index reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageText {
    pub title: String,
    pub url: String,
    pub description: String,
    /// The opening (before the first heading, with no heading or anchor) comes first.
    pub sections: Vec<SectionText>,
}

/// The text under one heading, up to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionText {
    pub heading: String,
    pub anchor: String,
    pub text: String,
}
