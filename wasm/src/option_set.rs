//! A set of one question's options, as bits: the shape of every answer and option list.

/// A set of option indices within one question. A question has at most
/// [`OptionSet::CAPACITY`] options, which `Definition::from_spec` enforces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct OptionSet(u64);

impl OptionSet {
    pub const CAPACITY: usize = 64;
    pub const EMPTY: OptionSet = OptionSet(0);

    /// The set holding only `index`; empty if `index` is out of range, so a bad index can
    /// never panic.
    pub fn single(index: usize) -> Self {
        OptionSet(if index < Self::CAPACITY {
            1 << index
        } else {
            0
        })
    }

    /// The options `0..count`.
    pub fn first(count: usize) -> Self {
        OptionSet(match count {
            0 => 0,
            n if n >= Self::CAPACITY => u64::MAX,
            n => (1 << n) - 1,
        })
    }

    pub fn contains(self, index: usize) -> bool {
        self.intersects(Self::single(index))
    }

    pub fn with(self, index: usize) -> Self {
        OptionSet(self.0 | Self::single(index).0)
    }

    pub fn with_all(self, other: OptionSet) -> Self {
        OptionSet(self.0 | other.0)
    }

    pub fn without(self, other: OptionSet) -> Self {
        OptionSet(self.0 & !other.0)
    }

    pub fn and(self, other: OptionSet) -> Self {
        OptionSet(self.0 & other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn intersects(self, other: OptionSet) -> bool {
        self.0 & other.0 != 0
    }

    pub fn contains_all(self, other: OptionSet) -> bool {
        self.0 & other.0 == other.0
    }

    /// The indices in the set, lowest first.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..Self::CAPACITY).filter(move |&i| self.contains(i))
    }

    /// Every non-empty subset, for enumerating the answers conditions can tell apart.
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    pub(crate) fn subsets(self) -> impl Iterator<Item = OptionSet> {
        let all = self.0;
        let mut next = Some(all);
        core::iter::from_fn(move || {
            let current = next.filter(|&s| s != 0)?;
            next = Some((current - 1) & all);
            Some(OptionSet(current))
        })
    }

    pub(crate) fn bits(self) -> u64 {
        self.0
    }

    pub(crate) fn from_bits(bits: u64) -> Self {
        OptionSet(bits)
    }
}

impl FromIterator<usize> for OptionSet {
    fn from_iter<I: IntoIterator<Item = usize>>(indices: I) -> Self {
        indices.into_iter().fold(OptionSet::EMPTY, OptionSet::with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_range_indices_are_ignored_not_panics() {
        assert!(OptionSet::single(64).is_empty());
        assert!(!OptionSet::first(64).contains(usize::MAX));
        assert_eq!(OptionSet::first(64).len(), 64);
    }

    #[test]
    fn subsets_are_every_non_empty_subset() {
        let set: OptionSet = [1, 3, 4].into_iter().collect();
        let subsets: Vec<_> = set.subsets().collect();
        assert_eq!(subsets.len(), 7);
        assert!(subsets
            .iter()
            .all(|s| set.contains_all(*s) && !s.is_empty()));
        assert_eq!(OptionSet::EMPTY.subsets().count(), 0);
    }
}
