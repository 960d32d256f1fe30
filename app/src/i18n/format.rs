//! Dates in the community's time zone, worded by the locale's `datetime` message.

use chrono::{DateTime, Datelike, FixedOffset, Timelike, Utc};
use fluent_bundle::FluentArgs;
use linli_api::auth::Locale;

/// China Standard Time, for when the community is not known yet.
pub const DEFAULT_UTC_OFFSET_MINUTES: i32 = 480;

/// `2026年11月23日 14:05` / `23 Nov 2026, 14:05`, in the zone `utc_offset_minutes` east of UTC.
pub fn format_datetime(locale: Locale, at: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    let zone = FixedOffset::east_opt(utc_offset_minutes * 60)
        .unwrap_or_else(|| FixedOffset::east_opt(DEFAULT_UTC_OFFSET_MINUTES * 60).expect("CST is valid"));
    let local = at.with_timezone(&zone);
    let mut args = FluentArgs::new();
    args.set("year", local.year());
    args.set("month", local.month());
    args.set("day", local.day());
    args.set("hour", format!("{:02}", local.hour()));
    args.set("minute", format!("{:02}", local.minute()));
    super::translate(locale, "datetime", Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(raw: &str) -> DateTime<Utc> {
        raw.parse().unwrap()
    }

    #[test]
    fn dates_are_shown_in_the_community_zone() {
        // 20:30 UTC is already the next morning in Beijing.
        let text = format_datetime(Locale::ZhCn, at("2026-11-23T20:30:00Z"), 480);
        assert_eq!(text, "2026年11月24日 04:30");
    }

    #[test]
    fn each_locale_words_the_date_its_own_way() {
        let when = at("2026-01-05T01:02:00Z");
        assert_eq!(format_datetime(Locale::ZhTw, when, 480), "2026年1月5日 09:02");
        assert_eq!(format_datetime(Locale::En, when, 480), "5 Jan 2026, 09:02");
        assert_eq!(format_datetime(Locale::En, when, 0), "5 Jan 2026, 01:02");
    }
}
