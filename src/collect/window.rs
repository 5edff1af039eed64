//! Which moments belong to an edition: the 24 hours before the cutoff on the
//! edition's day, in the briefing's timezone.

use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Half-open interval `[start, end)` of publication times an edition holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EditionWindow {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl EditionWindow {
    pub fn contains(&self, t: DateTime<Utc>) -> bool {
        self.start <= t && t < self.end
    }
}

/// The window of the edition dated `date`: from the cutoff on the day before
/// to the cutoff on `date`, local time in `tz`. Across a daylight-saving
/// change the window is 23 or 25 hours long, as a reader's day is.
pub fn edition_window(date: NaiveDate, cutoff: NaiveTime, tz: Tz) -> EditionWindow {
    let previous = date.pred_opt().unwrap_or(date);
    EditionWindow {
        start: local_instant(previous, cutoff, tz),
        end: local_instant(date, cutoff, tz),
    }
}

/// The instant a local wall-clock time names; a time skipped by a DST jump
/// is taken as the first instant after the gap, a repeated time as its first
/// occurrence.
fn local_instant(date: NaiveDate, time: NaiveTime, tz: Tz) -> DateTime<Utc> {
    let naive = date.and_time(time);
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(t) => t.with_timezone(&Utc),
        LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        LocalResult::None => {
            let mut probe = naive;
            loop {
                probe += Duration::minutes(15);
                if let LocalResult::Single(t) | LocalResult::Ambiguous(t, _) =
                    tz.from_local_datetime(&probe)
                {
                    return t.with_timezone(&Utc);
                }
            }
        }
    }
}

/// Today's date in `tz`: the default edition.
pub fn today(tz: Tz) -> NaiveDate {
    Utc::now().with_timezone(&tz).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    const SIX: NaiveTime = NaiveTime::from_hms_opt(6, 0, 0).unwrap();

    #[test]
    fn winter_window_is_24_hours_in_local_time() {
        let w = edition_window(d("2026-11-27"), SIX, chrono_tz::Europe::Brussels);
        assert_eq!(w.start.to_rfc3339(), "2026-11-26T05:00:00+00:00");
        assert_eq!(w.end.to_rfc3339(), "2026-11-27T05:00:00+00:00");
    }

    #[test]
    fn spring_forward_window_is_23_hours() {
        // Europe moves clocks forward on 2026-03-29 at 02:00.
        let w = edition_window(d("2026-03-30"), SIX, chrono_tz::Europe::Brussels);
        assert_eq!(w.end - w.start, Duration::hours(24));
        let w = edition_window(d("2026-03-29"), SIX, chrono_tz::Europe::Brussels);
        assert_eq!(w.end - w.start, Duration::hours(23));
        assert_eq!(w.end.to_rfc3339(), "2026-03-29T04:00:00+00:00");
    }

    #[test]
    fn autumn_back_window_is_25_hours() {
        let w = edition_window(d("2026-10-25"), SIX, chrono_tz::Europe::Brussels);
        assert_eq!(w.end - w.start, Duration::hours(25));
    }

    #[test]
    fn cutoff_inside_a_gap_moves_after_it() {
        let two_thirty = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        let w = edition_window(d("2026-03-29"), two_thirty, chrono_tz::Europe::Brussels);
        assert_eq!(w.end.to_rfc3339(), "2026-03-29T01:00:00+00:00");
    }

    #[test]
    fn bounds_are_half_open() {
        let w = edition_window(d("2026-11-27"), SIX, chrono_tz::Europe::Brussels);
        assert!(w.contains(w.start));
        assert!(!w.contains(w.end));
    }
}
