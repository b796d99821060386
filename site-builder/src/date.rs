//! Calendar dates (`YYYY-MM-DD`), as editors write them in front matter and site.yaml, and
//! the site's own calendar: which day it is in the site's time zone. The calendar itself
//! is jiff's.

use std::fmt;
use std::str::FromStr;

use jiff::civil;
use jiff::tz::TimeZone;
use jiff::{Span, Unit};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use jiff::Timestamp;

/// A day in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(civil::Date);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let year = i16::try_from(year).ok()?;
        let (month, day) = (i8::try_from(month).ok()?, i8::try_from(day).ok()?);
        civil::Date::new(year, month, day).ok().map(Date)
    }

    /// The same day `months` months later, or the month's last day when it is shorter
    /// (31 August plus 6 months is 28 or 29 February).
    pub fn add_months(&self, months: u32) -> Date {
        self.add(Span::new().months(months))
    }

    /// The day `days` days later (earlier when negative).
    pub fn add_days(&self, days: i64) -> Date {
        self.add(Span::new().days(days))
    }

    /// Past the calendar's end (the year 9999) the date stays where it is: no schedule
    /// reaches that far.
    fn add(&self, span: Span) -> Date {
        Date(self.0.checked_add(span).unwrap_or(self.0))
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(&self, later: Date) -> i64 {
        self.0
            .until((Unit::Day, later.0))
            .map_or(0, |span| i64::from(span.get_days()))
    }

    /// `19 April 2027`, the GOV.UK style for dates in text.
    pub fn long(&self) -> String {
        let month = MONTHS[usize::try_from(self.0.month() - 1).unwrap_or(0)];
        format!("{} {month} {}", self.0.day(), self.0.year())
    }

    /// The year, the month (1 to 12) and the day of the month.
    pub fn parts(&self) -> (i32, u8, u8) {
        let (month, day) = (self.0.month(), self.0.day());
        let small = |n: i8| u8::try_from(n).unwrap_or(1);
        (i32::from(self.0.year()), small(month), small(day))
    }

    /// `2027-04-19T00:00:00Z`, for feeds.
    pub fn rfc3339(&self) -> String {
        format!("{self}T00:00:00Z")
    }
}

/// The zone whose calendar says what day it is for the site: an IANA name such as
/// `Europe/London`, looked up in the time-zone database built into site-builder, so a
/// machine without one gives the same days.
#[derive(Debug, Clone)]
pub struct Zone {
    name: String,
    zone: TimeZone,
}

/// The site's zone when site.yaml names none.
pub const DEFAULT_ZONE: &str = "Europe/London";

impl Zone {
    pub fn named(name: &str) -> Option<Zone> {
        let zone = jiff::tz::db().get(name).ok()?;
        Some(Zone {
            name: name.to_string(),
            zone,
        })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Every name the database knows, for suggestions.
    pub fn names() -> Vec<String> {
        jiff::tz::db().available().map(|n| n.to_string()).collect()
    }

    /// The date in this zone at `moment`.
    pub fn date_at(&self, moment: Timestamp) -> Date {
        Date(moment.to_zoned_datetime(self.zone.clone()).date())
    }

    /// The time of day, in UTC, at which this zone's day starts on `date`, as (hour,
    /// minute): (0, 0) in London's winter (GMT), (23, 0) the day before in its summer.
    pub fn midnight_utc(&self, date: Date) -> (i8, i8) {
        let start = date.0.to_zoned_datetime(self.zone.clone());
        start.map_or((0, 0), |z| {
            let utc = z.timestamp().to_zoned_datetime(TimeZone::UTC);
            (utc.hour(), utc.minute())
        })
    }
}

/// Where "now" comes from: the system clock, or a fixed moment (for tests).
#[derive(Debug, Clone, Copy, Default)]
pub enum Clock {
    #[default]
    System,
    Fixed(Timestamp),
}

impl Clock {
    pub fn now(&self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(moment) => *moment,
        }
    }

    /// Today's date in `zone`.
    pub fn today_in(&self, zone: &Zone) -> Date {
        zone.date_at(self.now())
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
    }
}

/// Why a date did not parse, worded for editors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        let bad = || {
            DateError(format!(
                "`{text}` is not a date: write it as YYYY-MM-DD, for example 2027-04-19"
            ))
        };
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (year, month, day) = (
            y.parse().map_err(|_| bad())?,
            m.parse().map_err(|_| bad())?,
            d.parse().map_err(|_| bad())?,
        );
        Date::new(year, month, day)
            .ok_or_else(|| DateError(format!("`{text}` is not a real day of the calendar")))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        // A visitor, rather than a string first, so YAML errors keep the value's position.
        deserializer.deserialize_any(DateVisitor)
    }
}

struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date written as YYYY-MM-DD")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Date, E> {
        self.visit_str(&n.to_string())
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Date, E> {
        self.visit_str(&n.to_string())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_checks_the_calendar() {
        assert_eq!(
            "2027-04-19".parse::<Date>().unwrap().long(),
            "19 April 2027"
        );
        assert!("2027-02-29".parse::<Date>().is_err());
        assert!("2028-02-29".parse::<Date>().is_ok());
        assert!("19/04/2027".parse::<Date>().is_err());
        assert!("2027-4-19".parse::<Date>().is_err());
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        let date = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(date("2026-06-01").add_months(6), date("2026-12-01"));
        assert_eq!(date("2026-08-31").add_months(6), date("2027-02-28"));
        assert_eq!(date("2027-08-31").add_months(6), date("2028-02-29"));
        assert_eq!(date("2026-12-15").add_months(13), date("2028-01-15"));
    }

    #[test]
    fn late_on_a_summer_evening_in_utc_it_is_already_tomorrow_in_london() {
        let london = Zone::named("Europe/London").unwrap();
        let late: Timestamp = "2027-07-14T23:30:00Z".parse().unwrap();
        assert_eq!(
            Clock::Fixed(late).today_in(&london).to_string(),
            "2027-07-15"
        );
        let utc = Zone::named("UTC").unwrap();
        assert_eq!(Clock::Fixed(late).today_in(&utc).to_string(), "2027-07-14");
        // In winter London keeps UTC's day.
        let winter: Timestamp = "2027-01-14T23:30:00Z".parse().unwrap();
        assert_eq!(
            Clock::Fixed(winter).today_in(&london).to_string(),
            "2027-01-14"
        );
    }

    #[test]
    fn the_day_starts_in_utc_an_hour_early_in_british_summer_time() {
        let london = Zone::named("Europe/London").unwrap();
        let date = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(london.midnight_utc(date("2027-01-15")), (0, 0));
        assert_eq!(london.midnight_utc(date("2027-07-15")), (23, 0));
        let kolkata = Zone::named("Asia/Kolkata").unwrap();
        assert_eq!(kolkata.midnight_utc(date("2027-07-15")), (18, 30));
        assert!(Zone::named("Europe/Londn").is_none());
    }

    #[test]
    fn days_are_counted() {
        let date = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(date("2027-04-19").add_days(13), date("2027-05-02"));
        assert_eq!(date("2027-04-19").days_until(date("2028-04-19")), 366);
        assert_eq!(date("2027-04-19").days_until(date("2027-04-18")), -1);
    }
}
