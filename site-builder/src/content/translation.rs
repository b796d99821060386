//! Translations, Zola's way: `page.cy.md` beside `page.md`, `_index.cy.md` beside a
//! section's `_index.md`. A translation has its own title, description and slug, and
//! shares its page's schedule (dates, weight, draft, template, menu place) unless it sets
//! its own. `translation: needs-review` marks one that a fluent speaker has not checked.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::config::Languages;
use crate::content::front_matter::{Fingerprints, FrontMatter, MenuEntry, Split};
use crate::content::library::{duplicate_url, Asset, LeftOut, Library, Sources};
use crate::content::placement::{parent_dir, Placer};
use crate::content::schedule::{Absence, Schedule};
use crate::content::Document;
use crate::diagnostic::{closest, Diagnostic};
use crate::yaml::{Origin, Positions};

/// What a Markdown file's name says about its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named {
    /// A page or section in the default language.
    Original,
    /// `page.cy.md`: a translation of `original` (`page.md`) into language `lang`.
    Translation { original: String, lang: usize },
    /// A translation's name, read while the site's languages are not known: left alone.
    Unknown,
}

/// Reads the language from `rel`'s name. A name that looks like a translation into a
/// language the site does not have is a problem, rather than a page with a dot in its
/// address.
pub fn named(rel: &str, languages: &Languages, shown: &Path) -> Result<Named, Diagnostic> {
    let Some(stem) = rel.strip_suffix(".md") else {
        return Ok(Named::Original);
    };
    let Some((base, code)) = stem.rsplit_once('.') else {
        return Ok(Named::Original);
    };
    if base.ends_with('/') || base.is_empty() {
        return Ok(Named::Original);
    }
    if let Some(lang) = languages.index_of(code) {
        if lang == crate::config::languages::DEFAULT {
            return Err(Diagnostic::file(
                shown,
                format!(
                    "`{code}` is the site's default language, whose text is `{base}.md` itself"
                ),
            )
            .with_help(format!(
                "rename the file to `{base}.md`, or add the language to `languages:` in site.yaml"
            )));
        }
        return Ok(Named::Translation {
            original: format!("{base}.md"),
            lang,
        });
    }
    let looks_like_language =
        (2..=3).contains(&code.len()) && code.chars().all(|c| c.is_ascii_alphabetic());
    if !languages.known() && looks_like_language {
        return Ok(Named::Unknown);
    }
    if languages.len() > 1 && looks_like_language {
        let others: Vec<&str> = languages.others().map(|(_, l)| l.code.as_str()).collect();
        let problem = Diagnostic::file(
            shown,
            format!("the name ends `.{code}.md`, but `{code}` is not one of the site's languages"),
        );
        return Err(match closest(code, others.iter().copied()) {
            Some(best) => problem.with_help(format!("did you mean `{base}.{best}.md`?")),
            None => problem.with_help(format!(
                "the site's other languages are {}; list a new one under `languages:` in site.yaml",
                others.join(", ")
            )),
        });
    }
    Ok(Named::Original)
}

/// Whether a translation is still to be checked by a fluent speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
pub enum Review {
    #[serde(rename = "needs-review")]
    NeedsReview,
}

/// Fields a translation writes in its own words: not taken from the original when left out.
const OWN_WORDS: [&str; 2] = ["title", "description"];

/// The translation's front matter: what it sets, over what its original sets. Text of the
/// original's (its description) is never shown as the translation's own; its menu entry
/// keeps the original's place in the menu, named by the translation.
pub fn merge(
    original: &FrontMatter,
    translation: &Split,
    shown: &Path,
) -> Result<FrontMatter, Diagnostic> {
    let set = Positions::of(&translation.yaml, Origin { line: 2 });
    let own = &translation.front;
    for key in ["menu.weight", "menu.parent"] {
        if let Some(place) = set.get(key) {
            return Err(Diagnostic::new(shown, place.line, place.col, format!("a translation's menu entry takes only `name`: `{}` comes from the page it translates", &key[5..]))
                .with_help("remove the line; the menu's order and nesting are the same in every language"));
        }
    }
    let mut merged = original.clone();
    merged.translation = own.translation;
    merged.title = own.title.clone();
    merged.description = own.description.clone();
    let taken = |key: &str| set.get(key).is_some() && !OWN_WORDS.contains(&key);
    macro_rules! take {
        ($($field:ident),*) => {$(
            if taken(stringify!($field)) {
                merged.$field = own.$field.clone();
            }
        )*};
    }
    take!(
        date,
        updated,
        weight,
        draft,
        publish_date,
        expiry_date,
        expired_redirect,
        template,
        slug,
        extra
    );
    merged.menu = original.menu.as_ref().map(|entry| MenuEntry {
        name: own
            .menu
            .as_ref()
            .and_then(|m| m.name.clone())
            .or_else(|| Some(own.title.clone())),
        ..entry.clone()
    });
    if original.menu.is_none() && own.menu.is_some() {
        let place = set.nearest("menu");
        return Err(Diagnostic::new(
            shown,
            place.line,
            place.col,
            "the page this translates has no menu entry, so its translation cannot have one",
        )
        .with_help(
            "add the `menu:` to the default-language page: the menu is the same in every language",
        ));
    }
    Ok(merged)
}

/// `translation: needs-review` on a page in the default language.
pub fn review_on_original(split: &Split, shown: &Path) -> Option<Diagnostic> {
    split.front.translation?;
    let (line, col) = split.place_of("translation");
    Some(Diagnostic::new(shown, line, col, "`translation:` marks a translation awaiting review, and this page is in the default language")
        .with_help("remove the line, or put it in the translation (`page.cy.md`)"))
}

/// A translation read from `content/`.
#[derive(Debug, Clone)]
pub struct Translation {
    /// `get-help/reporting.cy.md`.
    pub rel: String,
    /// `get-help/reporting.md`.
    pub original: String,
    pub lang: usize,
    /// As written: its own front matter and body.
    pub split: Arc<Split>,
    /// Its front matter over its original's.
    pub front: FrontMatter,
    /// Of its own file and its original's front matter, which it is merged over.
    pub fingerprints: Fingerprints,
}

/// Sorts the files read into originals and translations, merging each translation's
/// front matter over its original's. A translation with no original is a problem.
pub fn sort(
    splits: Vec<(String, Arc<Split>)>,
    languages: &Languages,
    shown_root: &Path,
    problems: &mut Vec<Diagnostic>,
) -> (Vec<(String, Arc<Split>)>, Vec<Translation>) {
    let mut originals = Vec::new();
    let mut named_translations = Vec::new();
    for (rel, split) in splits {
        let shown = shown_root.join(&rel);
        match named(&rel, languages, &shown) {
            Ok(Named::Original) => {
                problems.extend(review_on_original(&split, &shown));
                originals.push((rel, split));
            }
            Ok(Named::Unknown) => {}
            Ok(Named::Translation { original, lang }) => {
                named_translations.push((rel, split, original, lang))
            }
            Err(problem) => problems.push(problem),
        }
    }
    let mut translations = Vec::new();
    for (rel, split, original, lang) in named_translations {
        let shown = shown_root.join(&rel);
        let Some((_, source)) = originals.iter().find(|(r, _)| *r == original) else {
            let language = &languages.get(lang).name;
            problems.push(Diagnostic::file(&shown, format!("this is a translation into {language} of `{original}`, which does not exist"))
                .with_help(format!("write the page in the default language first, as content/{original}, or rename this file after the page it translates")));
            continue;
        };
        let with_original = |own: blake3::Hash| {
            let mut hash = blake3::Hasher::new();
            hash.update(own.as_bytes());
            hash.update(source.fingerprints.front.as_bytes());
            hash.finalize()
        };
        let fingerprints = Fingerprints {
            file: with_original(split.fingerprints.file),
            front: with_original(split.fingerprints.front),
        };
        match merge(&source.front, &split, &shown) {
            Ok(front) => translations.push(Translation {
                rel,
                original,
                lang,
                split,
                front,
                fingerprints,
            }),
            Err(problem) => problems.push(problem),
        }
    }
    translations.sort_by_cached_key(|t| {
        (
            t.lang,
            parent_dir(&t.original),
            !t.original.ends_with("_index.md"),
            t.original.clone(),
        )
    });
    (originals, translations)
}

/// Where each language's documents go: the default language's folders, renamed where a
/// translated `_index.md` or `index.md` sets its own slug, under `/<code>/`.
pub fn placers(
    default: &Placer,
    translations: &[Translation],
    languages: &Languages,
) -> Vec<Placer> {
    (0..languages.len())
        .map(|lang| {
            let slugs = (translations.iter())
                .filter(|t| t.lang == lang && t.split.front.slug.is_some())
                .map(|t| {
                    (
                        t.original.as_str(),
                        t.split.front.slug.as_deref().unwrap_or_default(),
                    )
                });
            default.in_language(&languages.get(lang).prefix, slugs)
        })
        .collect()
}

/// Places the translations live on the day. One whose original is left out is left out
/// with it, for the same reason: a translation never outlives its page.
pub fn place(
    library: &mut Library,
    sources: &Sources,
    schedule: &Schedule,
    problems: &mut Vec<Diagnostic>,
) {
    let mut addresses: HashMap<String, usize> = (library.documents.iter().enumerate())
        .map(|(i, d)| (d.url.to_lowercase(), i))
        .collect();
    for t in &sources.translations {
        let (_, shown) = sources.file_of(&t.rel);
        let url = sources
            .placer_for(t.lang)
            .url_of(&t.original, t.front.slug.as_deref());
        let original = library.by_source.get(&t.original).copied();
        let why = match original {
            None => library
                .absence_of(&t.original)
                .cloned()
                .or(Some(Absence::SectionLeftOut)),
            Some(_) => schedule.absence(&t.front),
        };
        let shown_anyway = why.as_ref().is_some_and(|w| schedule.shows(w));
        if let Some(why) = why.filter(|_| !shown_anyway || original.is_none()) {
            let redirect_at = t
                .front
                .expired_redirect
                .as_ref()
                .map(|_| t.split.place_of("expired_redirect"));
            library.left_out.push(LeftOut {
                source: t.rel.clone(),
                shown,
                why,
                url,
                front: t.front.clone(),
                redirect_at,
                lang: t.lang,
            });
            continue;
        }
        let Some(original) = original else { continue };
        if let Some(&first) = addresses.get(&url.to_lowercase()) {
            problems.push(duplicate_url(&shown, &url, &library.documents[first]));
            continue;
        }
        let index = library.documents.len();
        addresses.insert(url.to_lowercase(), index);
        library.by_source.insert(t.rel.clone(), index);
        library.documents[original].translations.push(index);
        let source = &library.documents[original];
        library.documents.push(Document {
            kind: source.kind,
            source: t.rel.clone(),
            shown,
            front: t.front.clone(),
            body: t.split.body.clone(),
            body_line: t.split.body_line,
            fingerprints: t.fingerprints,
            url,
            parent: None,
            pages: Vec::new(),
            subsections: Vec::new(),
            preview: shown_anyway,
            template_at: t
                .front
                .template
                .as_ref()
                .map(|_| t.split.place_of("template")),
            lang: t.lang,
            original: t.original.clone(),
            translation_of: Some(original),
            translations: Vec::new(),
        });
    }
}

/// A bundle's file (`name/photo.png` beside `name/index.md`) goes beside each live
/// translation of the bundle page too, so the translation's relative links work.
pub fn bundle_copies(
    library: &Library,
    sources: &Sources,
    rel: &str,
    owner: Option<&str>,
) -> Vec<Asset> {
    let Some(&page) = owner.and_then(|o| library.by_source.get(o)) else {
        return Vec::new();
    };
    let (from, shown) = sources.file_of(rel);
    let name = rel.rsplit('/').next().unwrap_or(rel);
    (library.documents[page].translations.iter())
        .map(|&t| Asset {
            from: from.clone(),
            shown: shown.clone(),
            to: format!("{}{name}", library.documents[t].url.trim_start_matches('/')),
        })
        .collect()
}
