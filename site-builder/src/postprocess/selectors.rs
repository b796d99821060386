//! The selectors of the page pass, parsed once for the whole build rather than for every
//! page (parsing them was near a tenth of the pass), and the handlers made on
//! them.

use std::borrow::Cow;
use std::sync::LazyLock;

use lol_html::html_content::{Element, TextChunk};
use lol_html::{ElementContentHandlers, HandlerResult, Selector};

use super::rewrite::{CONTENT_HEADINGS, HEADINGS_WITHOUT_ID};

/// The selectors of the pass, parsed once rather than for every page.
pub(super) struct Selectors {
    pub(super) svg: Selector,
    pub(super) every: Selector,
    pub(super) exit_button: Selector,
    pub(super) exit_link: Selector,
    pub(super) headings_without_id: Selector,
    pub(super) content_headings: Selector,
}

pub(super) static SELECTORS: LazyLock<Selectors> = LazyLock::new(|| {
    let parse = |selector: &str| selector.parse().expect("the pass's selectors parse");
    Selectors {
        svg: parse("svg, svg *"),
        every: parse("*"),
        exit_button: parse("[data-quick-exit] a[data-quick-exit-link]"),
        exit_link: parse("a[data-quick-exit-link]"),
        headings_without_id: parse(HEADINGS_WITHOUT_ID),
        content_headings: parse(CONTENT_HEADINGS),
    }
});

/// Handlers for what `selector` matches, to be given with `.element()` or `.text()`.
pub(super) fn on(selector: &'static Selector) -> Handlers<'static> {
    Handlers(selector)
}

pub(super) struct Handlers<'s>(&'s Selector);

impl<'s> Handlers<'s> {
    pub(super) fn element<'h>(
        self,
        handler: impl FnMut(&mut Element<'_, '_>) -> HandlerResult + 'h,
    ) -> (Cow<'s, Selector>, ElementContentHandlers<'h>) {
        (
            Cow::Borrowed(self.0),
            ElementContentHandlers::default().element(handler),
        )
    }

    pub(super) fn text<'h>(
        self,
        handler: impl FnMut(&mut TextChunk<'_>) -> HandlerResult + 'h,
    ) -> (Cow<'s, Selector>, ElementContentHandlers<'h>) {
        (
            Cow::Borrowed(self.0),
            ElementContentHandlers::default().text(handler),
        )
    }
}
