//! What the staff's screens (the editor, the desk, approvals and figures, the hall's screen)
//! share: their page shell, whole numbers as staff type them, the time of day of a slot, and
//! the alert that says why a button did nothing.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use linli_api::{ApiError, ErrorCode};

use crate::i18n::tr;
use crate::layout::{error_text, icons};

/// The shell of a staff screen: the header with its back link, then `<main id=…>`, wide for
/// the desk on a desktop window. Each screen draws its own `<h1>`.
#[component]
pub fn StaffPage(id: &'static str, back: &'static str, #[prop(optional)] wide: bool, children: Children) -> impl IntoView {
    view! {
        <header class="bar">
            <a class="back" href=back>{icons::icon(icons::BACK)}<span>{tr("nav-back")}</span></a>
            <span class="brand">{tr("app-name")}</span>
        </header>
        <main id=id class:staff-wide=wide>{children()}</main>
    }
}

/// Full-width digits and points (from a Chinese keyboard) as their ASCII twins.
pub fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        other => other,
    }
}

/// A whole number typed into `field` (`30`, `３０`), or why not: nothing typed, or not a
/// whole number. Whether it is in range is the shared validation's rule.
pub fn whole_number(raw: &str, field: &str) -> Result<u32, ApiError> {
    let text: String = raw.trim().chars().map(half_width).collect();
    if text.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, field));
    }
    let invalid = || ApiError::on_field(ErrorCode::InvalidValue, field);
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(invalid());
    }
    text.parse().map_err(|_| invalid())
}

/// `09:30`: the time of day of `at` in the community's zone.
pub fn clock_text(at: DateTime<Utc>, utc_offset_minutes: i32) -> String {
    let zone = chrono::FixedOffset::east_opt(utc_offset_minutes * 60).unwrap_or_else(|| chrono::FixedOffset::east_opt(8 * 3600).expect("CST"));
    at.with_timezone(&zone).format("%H:%M").to_string()
}

/// Why the last action on the screen failed, in an always-present `role="alert"` element.
#[component]
pub fn ActionAlert(id: &'static str, error: RwSignal<Option<ErrorCode>>) -> impl IntoView {
    view! {
        <p id=id role="alert" class="error" class:empty=move || error.with(Option::is_none)>
            {move || error.get().map(error_text)}
        </p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_are_digits_full_width_or_not() {
        assert_eq!(whole_number(" 30 ", "x"), Ok(30));
        assert_eq!(whole_number("３０", "x"), Ok(30));
        assert_eq!(whole_number("", "x"), Err(ApiError::on_field(ErrorCode::FieldRequired, "x")));
        for bad in ["-1", "2.5", "三十", "99999999999"] {
            assert_eq!(whole_number(bad, "x"), Err(ApiError::on_field(ErrorCode::InvalidValue, "x")), "{bad}");
        }
    }

    #[test]
    fn slot_times_are_the_community_clock() {
        let at: DateTime<Utc> = "2026-12-09T01:30:00Z".parse().unwrap();
        assert_eq!(clock_text(at, 480), "09:30");
        assert_eq!(clock_text(at, 0), "01:30");
    }
}
