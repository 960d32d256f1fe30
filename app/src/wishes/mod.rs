//! Micro-wishes (微心愿): `/wishes` the board (`board.rs`), `/wishes/new` posting one
//! (`new.rs`), `/wishes/:id` one wish with what the reader may do to it (`detail.rs`, its
//! steps in `steps.rs`), `/wishes/mine` one's own and those one holds (`mine.rs`),
//! `/wishes/review` staff's queue and rules (`review.rs`), `/wishes/thanks` the thanks wall
//! and volunteer record (`thanks.rs`).
//!
//! A family member posts and confirms for a resident with `?for=<resident id>` on the same
//! screens. This file holds what they share: who does what, words for categories, states and
//! news, and the wish card. 长辈版 residents find wishes on the help screen.

mod board;
mod detail;
mod mine;
mod new;
mod review;
mod steps;
mod thanks;

use chrono::NaiveDate;
use leptos::prelude::*;
use linli_api::auth::Role;
use linli_api::ids::{UserId, WishId};
use linli_api::wishes::{WishCategory, WishNews, WishState, WishSummary, WisherFace};

use crate::i18n::{t_args, tr};
use crate::family::keep_for;
use crate::session::{can_invite, Session};

pub use board::WishBoardPage;
pub use detail::WishPage;
pub use mine::MyWishesPage;
pub use new::NewWishPage;
pub use review::WishReviewPage;
pub use thanks::ThanksPage;

/// Who posts wishes: residents for themselves, staff for a resident without the app.
pub fn posts_wishes(role: Role) -> bool {
    role == Role::Resident || can_invite(role)
}

/// Who reviews wishes and sets their rules (the server's `StaffOnly`).
pub fn reviews_wishes(role: Role) -> bool {
    can_invite(role)
}

/// A wish id from the route: a positive number, or nothing.
pub fn parse_wish_id(raw: Option<String>) -> Option<WishId> {
    raw?.trim().parse().ok().filter(|id| *id > 0).map(WishId)
}

pub fn category_label(category: WishCategory) -> &'static str {
    match category {
        WishCategory::Goods => "wish-category-goods",
        WishCategory::Task => "wish-category-task",
        WishCategory::Company => "wish-category-company",
        WishCategory::Other => "wish-category-other",
    }
}

pub fn state_label(state: WishState) -> &'static str {
    match state {
        WishState::Pending => "wish-state-pending",
        WishState::Rejected => "wish-state-rejected",
        WishState::Open => "wish-state-open",
        WishState::Claimed => "wish-state-claimed",
        WishState::Fulfilled => "wish-state-fulfilled",
        WishState::Closed => "wish-state-closed",
        WishState::Withdrawn => "wish-state-withdrawn",
    }
}

/// The title of the OS notification for a piece of news (its text is the wish).
pub fn news_title(news: WishNews) -> &'static str {
    match news {
        WishNews::Approved => "notify-wish-approved",
        WishNews::Rejected => "notify-wish-rejected",
        WishNews::Claimed => "notify-wish-claimed",
        WishNews::BackOnBoard => "notify-wish-back-on-board",
        WishNews::Fulfilled => "notify-wish-fulfilled",
        WishNews::Confirmed => "notify-wish-confirmed",
        WishNews::ClaimEndingSoon => "notify-wish-claim-ending",
        WishNews::ClaimExpired => "notify-wish-claim-expired",
        WishNews::Withdrawn => "notify-wish-withdrawn",
    }
}

/// `12月9日前` / `by 9 Dec`: the date in the locale's words.
pub fn wanted_by_text(date: NaiveDate) -> String {
    use chrono::Datelike;
    t_args("wish-wanted-by", &[("year", date.year().into()), ("month", date.month().into()), ("day", date.day().into())])
}

/// The community's date today.
pub fn community_today(session: Session) -> NaiveDate {
    (crate::native::now() + chrono::Duration::minutes(i64::from(session.utc_offset()))).date_naive()
}

/// Who wished it, as neighbours see it: initials and building.
pub fn face_text(face: &WisherFace) -> String {
    match &face.building {
        Some(building) => t_args("wish-face", &[("initials", face.initials.clone().into()), ("building", building.clone().into())]),
        None => face.initials.clone(),
    }
}

/// The volunteer, with their organisation when they named one.
pub fn volunteer_text(name: &str, organisation: Option<&str>) -> String {
    match organisation {
        Some(organisation) => t_args("wish-volunteer-of", &[("name", name.to_owned().into()), ("organisation", organisation.to_owned().into())]),
        None => name.to_owned(),
    }
}

#[component]
pub fn StateTag(state: WishState, #[prop(into)] id: String) -> impl IntoView {
    let class = match state {
        WishState::Open => "tag pinned",
        WishState::Rejected | WishState::Withdrawn => "tag urgent",
        _ => "tag",
    };
    view! { <span class=class id=id>{tr(state_label(state))}</span> }
}

/// A wish in a list: what, category and state, who (as initials) and by when.
#[component]
pub fn WishCard(
    wish: WishSummary,
    /// Keeps a family member's `?for=` on the link.
    #[prop(default = None)]
    resident: Option<UserId>,
    /// A line for staff under the card (who asked).
    #[prop(default = None)]
    note: Option<String>,
) -> impl IntoView {
    let id = wish.id;
    let href = keep_for(&format!("/wishes/{id}"), resident);
    let face = wish.wisher.clone();
    let wanted_by = wish.wanted_by;
    let volunteer = wish.volunteer.clone();
    view! {
        <li class="wish-card" id=format!("wish-{id}")>
            <h2 class="wish-card-title"><a class="wish-link" href=href>{wish.what.clone()}</a></h2>
            <p class="topic-tags">
                <span class="tag">{tr(category_label(wish.category))}</span>
                <StateTag state=wish.state id=format!("wish-state-{id}")/>
            </p>
            <p class="wish-meta">
                <span>{move || face_text(&face)}</span>" · "<span>{move || wanted_by_text(wanted_by)}</span>
            </p>
            {volunteer.map(|name| view! {
                <p class="wish-meta">{move || t_args("wish-volunteer", &[("name", name.clone().into())])}</p>
            })}
            {note.map(|note| view! { <p class="hint">{note}</p> })}
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_ids_are_positive_numbers() {
        assert_eq!(parse_wish_id(Some(" 12 ".into())), Some(WishId(12)));
        for bad in ["0", "-3", "abc", ""] {
            assert_eq!(parse_wish_id(Some(bad.into())), None, "{bad}");
        }
    }

    #[test]
    fn residents_and_staff_post_and_only_staff_review() {
        assert!(posts_wishes(Role::Resident) && posts_wishes(Role::Staff));
        assert!(!posts_wishes(Role::Merchant) && !posts_wishes(Role::Family));
        assert!(reviews_wishes(Role::Staff) && !reviews_wishes(Role::Resident));
    }
}
