//! Ranking, with BM25 over sections. A section's score for a query word is the best of
//! its matches (a match's weight times the term's BM25 score there); its score for the
//! query is the sum over the words. Sections that hold more of the query's words come
//! first, then the index's own language before the default language's fallback pages
//! (so the Welsh search page finds Welsh pages first), then higher scores, then the
//! site's order. A page is shown once, by its best
//! section.
//!
//! `search-engine.js` ranks with the same arithmetic in the same order, and the logarithm
//! is worked out here with the four operations alone, so both give the same numbers to
//! the last bit and the same order.

use super::query::QueryWord;
use super::Searcher;

/// BM25's usual constants: how fast repeated words stop counting, and how much a long
/// section is discounted.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// A section's standing for a query.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub section: usize,
    /// How many of the query's words it holds.
    pub words: u32,
    /// Its page is a fallback, in the default language.
    pub fallback: bool,
    pub score: f64,
}

impl Standing {
    /// Whether `self` ranks before `other`.
    fn before(&self, other: &Standing) -> bool {
        if self.words != other.words {
            return self.words > other.words;
        }
        if self.fallback != other.fallback {
            return !self.fallback;
        }
        if self.score != other.score {
            return self.score > other.score;
        }
        self.section < other.section
    }
}

impl Searcher<'_> {
    /// Every page that matches, by its best section, best first.
    pub fn rank(&self, words: &[QueryWord]) -> Vec<Standing> {
        let index = self.index;
        let n = index.sections.len();
        let mut words_in = vec![0u32; n];
        let mut scores = vec![0.0f64; n];
        let mut best = vec![0.0f64; n];
        let mut touched: Vec<usize> = Vec::new();
        for word in words {
            for &(term, how) in &word.matches {
                let postings = &index.terms[term].postings;
                let idf = self.idf(postings.len());
                for posting in postings {
                    let s = posting.section as usize;
                    let length = f64::from(index.sections[s].length);
                    let score = how.weight() * idf * self.bm25(f64::from(posting.weight), length);
                    if best[s] == 0.0 {
                        touched.push(s);
                    }
                    if score > best[s] {
                        best[s] = score;
                    }
                }
            }
            for &s in &touched {
                words_in[s] += 1;
                scores[s] += best[s];
                best[s] = 0.0;
            }
            touched.clear();
        }
        let mut pages: Vec<Option<Standing>> = vec![None; index.pages.len()];
        for s in 0..n {
            if words_in[s] == 0 {
                continue;
            }
            let page = index.sections[s].page;
            let standing = Standing {
                section: s,
                words: words_in[s],
                fallback: index.pages[page].fallback,
                score: scores[s],
            };
            let page = &mut pages[page];
            if page.as_ref().is_none_or(|p| standing.before(p)) {
                *page = Some(standing);
            }
        }
        let mut ranked: Vec<Standing> = pages.into_iter().flatten().collect();
        ranked.sort_by(|a, b| match (a.before(b), b.before(a)) {
            (true, _) => std::cmp::Ordering::Less,
            (_, true) => std::cmp::Ordering::Greater,
            _ => std::cmp::Ordering::Equal,
        });
        ranked
    }

    fn idf(&self, sections_with: usize) -> f64 {
        let n = self.index.sections.len() as f64;
        let df = sections_with as f64;
        ln(1.0 + (n - df + 0.5) / (df + 0.5))
    }

    fn bm25(&self, weight: f64, length: f64) -> f64 {
        weight * (K1 + 1.0) / (weight + K1 * (1.0 - B + B * length / self.average_length))
    }
}

/// The natural logarithm of `x` (at least 1), with only adding, multiplying and dividing,
/// which every language rounds alike: `x` is halved to `m` in [0.75, 1.5), then
/// ln m = 2 atanh z with z = (m - 1) / (m + 1), whose series needs 11 terms here.
pub fn ln(x: f64) -> f64 {
    let mut m = x;
    let mut halvings = 0.0;
    while m >= 1.5 {
        m /= 2.0;
        halvings += 1.0;
    }
    let z = (m - 1.0) / (m + 1.0);
    let z2 = z * z;
    let mut sum = 0.0;
    let mut odd = 21.0;
    while odd >= 1.0 {
        sum = sum * z2 + 1.0 / odd;
        odd -= 2.0;
    }
    2.0 * z * sum + halvings * std::f64::consts::LN_2
}

#[cfg(test)]
mod tests {
    use super::ln;

    #[test]
    fn the_logarithm_is_close_to_the_library_one() {
        for x in [1.0, 1.2, 1.5, 2.0, 3.7, 10.0, 1234.5, 1e6, 123_456_789.0] {
            let (ours, theirs) = (ln(x), f64::ln(x));
            assert!(
                (ours - theirs).abs() <= 1e-14 * theirs.max(1.0),
                "{x}: {ours} {theirs}"
            );
        }
        assert_eq!(ln(1.0), 0.0);
    }
}
