//! Inline SVG icons (decorative: always next to a word, rendered `aria-hidden`).

use leptos::prelude::*;

const OPEN: &str = r#"<svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" focusable="false">"#;

pub const BACK: &str = r#"<path d="M15 5l-7 7 7 7"/>"#;
pub const NOTICES: &str = r#"<path d="M4 10v4h3l6 4V6L7 10z"/><path d="M17 9a4 4 0 010 6"/><path d="M19.5 6.5a8 8 0 010 11"/>"#;
pub const COMPOSE: &str = r#"<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M13 7l4 4"/>"#;
pub const INVITE: &str = r#"<rect x="3" y="3" width="7" height="7"/><rect x="14" y="3" width="7" height="7"/><rect x="3" y="14" width="7" height="7"/><path d="M14 14h3v3h-3zM20 17v4h-3M14 21h0"/>"#;
pub const ME: &str = r#"<circle cx="12" cy="8" r="4"/><path d="M4 21c1-4 4-6 8-6s7 2 8 6"/>"#;
pub const PIN: &str = r#"<path d="M9 3h6l-1 6 3 3H7l3-3z"/><path d="M12 12v9"/>"#;
pub const URGENT: &str = r#"<path d="M12 3L2 20h20z"/><path d="M12 10v4"/><path d="M12 17h0"/>"#;
/// A hand raised for help (一键求助).
pub const HELP: &str = r#"<path d="M12 21s-7-4.5-7-10a4 4 0 017-2.6A4 4 0 0119 11c0 5.5-7 10-7 10z"/><path d="M12 10v3"/><path d="M12 16h0"/>"#;
/// Two people, one taller: family (亲情账号).
pub const FAMILY: &str = r#"<circle cx="8" cy="7" r="3"/><circle cx="17" cy="10" r="2.5"/><path d="M2 21c.5-4 3-6 6-6s5.5 2 6 6"/><path d="M14 21c.3-2.6 1.5-4.5 3-4.5s2.7 1.9 3 4.5"/>"#;
/// A ballot going into a box (议事厅).
pub const VOTE: &str = r#"<path d="M4 13h16v7H4z"/><path d="M8 13V4h8v9"/><path d="M10 8l1.5 1.5L14 7"/>"#;
pub const PHONE: &str = r#"<path d="M5 3h4l2 5-2.5 1.5a11 11 0 006 6L16 13l5 2v4a2 2 0 01-2 2A17 17 0 013 5a2 2 0 012-2z"/>"#;
/// A loudspeaker with sound waves: read aloud (朗读).
pub const SPEAKER: &str = r#"<path d="M4 9v6h4l5 4V5L8 9z"/><path d="M16.5 8.5a5 5 0 010 7"/><path d="M19 6a8.5 8.5 0 010 12"/>"#;
pub const TEXT_SIZE: &str = r#"<path d="M3 19l5-14 5 14"/><path d="M5 14h6"/><path d="M15 19l3-8 3 8"/><path d="M16 16h4"/>"#;

/// A shopping basket (社区团购).
pub const GROCERIES: &str = r#"<path d="M3 9h18l-2 11H5z"/><path d="M8 9l4-6 4 6"/><path d="M9.5 13v4"/><path d="M14.5 13v4"/>"#;
/// Two turning arrows: buy again (再买一次).
pub const AGAIN: &str = r#"<path d="M4 12a8 8 0 0113.7-5.6L20 9"/><path d="M20 4v5h-5"/><path d="M20 12a8 8 0 01-13.7 5.6L4 15"/><path d="M4 20v-5h5"/>"#;
/// A shop front with its awning (商家).
pub const SHOP: &str = r#"<path d="M3 10l2-6h14l2 6z"/><path d="M5 10v10h14V10"/><path d="M10 20v-5h4v5"/>"#;
/// A calendar with a tick: appointments (预约办事).
pub const APPOINTMENTS: &str = r#"<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18"/><path d="M8 3v4"/><path d="M16 3v4"/><path d="M9 15l2 2 4-4"/>"#;
/// A star with a small heart: a micro-wish (微心愿).
pub const WISH: &str = r#"<path d="M12 3l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.4 6.8 19.1l1-5.8L3.5 9.2l5.9-.9z"/>"#;

/// A wrench: problem reports (报事报修).
pub const REPORT: &str = r#"<path d="M20 7.5a5 5 0 01-6.6 5.4L6.5 19.8a2.1 2.1 0 01-3-3l6.9-6.9A5 5 0 0115.8 3.3L12.8 6.3l.9 3 3 .9z"/>"#;

/// A bound ledger with ruled lines: the household register (房屋台账).
pub const REGISTER: &str = r#"<path d="M5 5a2 2 0 012-2h12v15H7a2 2 0 00-2 2z"/><path d="M5 20a2 2 0 002 1h12v-3"/><path d="M9 7h6"/><path d="M9 11h6"/>"#;

/// One icon as a decorative inline element.
pub fn icon(paths: &'static str) -> impl IntoView {
    let svg = format!("{OPEN}{paths}</svg>");
    view! { <span class="icon" aria-hidden="true" inner_html=svg></span> }
}
