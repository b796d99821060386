//! A set of small numbers as bits: the outcomes or reasons that hold on a path.

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub(crate) struct Bits(Vec<u64>);

impl Bits {
    /// An empty set with room for `0..len`.
    pub fn new(len: usize) -> Self {
        Bits(vec![0; len.div_ceil(64)])
    }

    pub fn set(&mut self, index: usize, on: bool) {
        let (word, bit) = (index / 64, 1u64 << (index % 64));
        if on {
            self.0[word] |= bit;
        } else {
            self.0[word] &= !bit;
        }
    }

    pub fn contains(&self, index: usize) -> bool {
        self.0[index / 64] & (1 << (index % 64)) != 0
    }

    pub fn first(&self) -> Option<usize> {
        let (word, bits) = self.0.iter().enumerate().find(|(_, &w)| w != 0)?;
        Some(word * 64 + bits.trailing_zeros() as usize)
    }

    /// The members, lowest first.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        (self.0.iter().enumerate()).flat_map(|(word, &bits)| {
            (0..64)
                .filter(move |bit| bits & (1 << bit) != 0)
                .map(move |bit| word * 64 + bit)
        })
    }

    pub fn union_with(&mut self, other: &Bits) {
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine |= theirs;
        }
    }

    /// The members of `self` that are not in `other`.
    pub fn without(&self, other: &Bits) -> Bits {
        Bits(self.0.iter().zip(&other.0).map(|(a, b)| a & !b).collect())
    }

    /// Adds the members of a row of a [`BitsTable`] of sets this size.
    pub fn add_row(&mut self, row: &[u64]) {
        for (mine, theirs) in self.0.iter_mut().zip(row) {
            *mine |= theirs;
        }
    }

    /// Removes the members of `other`.
    pub fn remove(&mut self, other: &Bits) {
        for (mine, theirs) in self.0.iter_mut().zip(&other.0) {
            *mine &= !theirs;
        }
    }
}

/// Sets of the same size, in one allocation: what holds for each answer of a question.
#[derive(Clone, Debug, Default)]
pub(crate) struct BitsTable {
    width: usize,
    words: Vec<u64>,
}

impl BitsTable {
    /// No rows yet, each with room for `0..len`.
    pub fn new(len: usize) -> Self {
        BitsTable {
            width: len.div_ceil(64),
            words: Vec::new(),
        }
    }

    pub fn push(&mut self, set: &Bits) {
        self.words.extend(&set.0);
    }

    pub fn row(&self, index: usize) -> &[u64] {
        &self.words[index * self.width..(index + 1) * self.width]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_past_one_word_are_kept_apart() {
        let mut bits = Bits::new(130);
        for i in [3, 64, 129] {
            bits.set(i, true);
        }
        assert_eq!(bits.iter().collect::<Vec<_>>(), [3, 64, 129]);
        assert_eq!(bits.first(), Some(3));
        bits.set(3, false);
        assert_eq!(bits.first(), Some(64));
        let mut other = Bits::new(130);
        other.set(64, true);
        assert_eq!(bits.without(&other).iter().collect::<Vec<_>>(), [129]);
        other.union_with(&bits);
        assert!(other.contains(129) && !other.contains(3));
        let mut last = Bits::new(130);
        last.set(129, true);
        other.remove(&last);
        assert_eq!(other.iter().collect::<Vec<_>>(), [64]);
    }

    #[test]
    fn table_rows_add_to_a_set() {
        let mut table = BitsTable::new(70);
        let mut row = Bits::new(70);
        row.set(69, true);
        table.push(&Bits::new(70));
        table.push(&row);
        let mut set = Bits::new(70);
        set.add_row(table.row(0));
        assert_eq!(set.first(), None);
        set.add_row(table.row(1));
        assert_eq!(set.iter().collect::<Vec<_>>(), [69]);
    }
}
