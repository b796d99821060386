//! Which documents a build publishes: drafts and publishing windows.

use crate::content::front_matter::FrontMatter;
use crate::date::Date;

/// What the build is for.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    /// The build date: pages are published as of this day.
    pub today: Date,
    pub include_drafts: bool,
    /// Previews show future and expired pages too, marked as previews.
    pub include_unpublished: bool,
}

/// Why a document is left out of the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Absence {
    Draft,
    NotYet(Date),
    Expired(Date),
    SectionLeftOut,
}

impl std::fmt::Display for Absence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Absence::Draft => write!(f, "draft"),
            Absence::NotYet(date) => write!(f, "publishes {date}"),
            Absence::Expired(date) => write!(f, "expired {date}"),
            Absence::SectionLeftOut => write!(f, "its section is left out"),
        }
    }
}

impl Schedule {
    /// Why `front` is not live today, whether or not this build still shows it.
    pub fn absence(&self, front: &FrontMatter) -> Option<Absence> {
        if front.draft {
            return Some(Absence::Draft);
        }
        if let Some(from) = front.publish_date.filter(|from| *from > self.today) {
            return Some(Absence::NotYet(from));
        }
        front
            .expiry_date
            .filter(|until| *until < self.today)
            .map(Absence::Expired)
    }

    /// Whether a document that is not live is still built, as a preview.
    pub fn shows(&self, absence: &Absence) -> bool {
        match absence {
            Absence::Draft => self.include_drafts,
            Absence::NotYet(_) | Absence::Expired(_) => self.include_unpublished,
            Absence::SectionLeftOut => false,
        }
    }
}
