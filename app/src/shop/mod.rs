//! Group buying for shops and staff: `/shop` is a shop's home, its standing and its
//! campaigns (`home.rs`); `/shop/apply` where a shop applies to a community (`apply.rs`);
//! `/shop/campaigns/new` the campaign editor (`editor.rs`, with its product rows in
//! `products.rs`, delivery rounds in `batches.rs` and the typed numbers in `numbers.rs`; a
//! product's photo is `layout::OnePhoto`); `/shop/campaigns/:id` the live dashboard (`dashboard.rs`);
//! `/shop/campaigns/:id/picking` the picking list with its CSV (`picking.rs`); `/shop/scan`
//! checking pickup codes (`scan.rs`); and `/shop/merchants` where staff approve shops
//! (`review.rs`).

mod apply;
mod batches;
mod dashboard;
mod editor;
mod home;
mod numbers;
mod picking;
mod products;
mod review;
mod rows;
mod scan;

use leptos::prelude::*;
use linli_api::auth::Role;
use linli_api::groceries::{CampaignPhase, MerchantStanding};

use crate::i18n::{t, tr};
use crate::layout::icons;
use crate::session::Session;

pub use crate::groceries::{focus_soon, households_text, parse_campaign_id, phase_id, phase_key, unit_price_text, HouseholdsProgress};
pub use apply::MerchantApplyPage;
pub use dashboard::DashboardPage;
pub use editor::CampaignEditorPage;
pub use home::ShopHome;
pub use picking::PickingPage;
pub use review::MerchantReviewPage;
pub use scan::ScanPage;

/// A shop's own screens: its home, the editor, the scanner.
pub fn is_merchant(role: Role) -> bool {
    role == Role::Merchant
}

/// Who may watch a campaign's dashboard and picking list: its shop and the community's staff
/// (the server checks that the shop is the campaign's own).
pub fn may_oversee(role: Role) -> bool {
    matches!(role, Role::Merchant | Role::Staff | Role::Admin)
}

/// Where a campaign's screens lead back to: the shop's home, or the campaign list for staff.
pub fn campaigns_home(role: Option<Role>) -> &'static str {
    match role {
        Some(Role::Staff | Role::Admin) => "/groceries",
        _ => "/shop",
    }
}

/// A shop's standing as tests and styles read it (`data-standing`): `pending`, ….
pub fn standing_key(standing: MerchantStanding) -> &'static str {
    match standing {
        MerchantStanding::Pending => "pending",
        MerchantStanding::Approved => "approved",
        MerchantStanding::Rejected => "rejected",
    }
}

/// The phase as a tag: in words, the class only a second hint.
pub fn phase_tag(phase: CampaignPhase, id: Option<String>) -> impl IntoView {
    let class = match phase {
        CampaignPhase::Open | CampaignPhase::Formed => "tag staff",
        CampaignPhase::Paused | CampaignPhase::Withdrawn | CampaignPhase::Cancelled => "tag",
    };
    view! { <span class=class id=id>{move || t(phase_id(phase))}</span> }
}

/// The shell of a shop screen: the header with its back link, then `<main id=…>`. Each
/// screen draws its own `<h1 tabindex="-1">`, in every state (loading, failed, shown).
#[component]
pub fn ShopPage(id: &'static str, #[prop(into)] back: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <header class="bar">
            <a class="back" href=move || back.get()>{icons::icon(icons::BACK)}<span>{tr("nav-back")}</span></a>
            <span class="brand">{tr("app-name")}</span>
        </header>
        <main id=id>{children()}</main>
    }
}

/// The back link of a campaign's screens, following the reader's role.
pub fn campaigns_back(session: Session) -> Signal<String> {
    Signal::derive(move || campaigns_home(session.me().map(|me| me.role)).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shops_and_staff_oversee_campaigns_and_come_back_to_their_own_lists() {
        assert!(may_oversee(Role::Merchant) && may_oversee(Role::Staff) && may_oversee(Role::Admin));
        assert!(!may_oversee(Role::Resident) && !may_oversee(Role::Property) && !may_oversee(Role::Family));
        assert!(is_merchant(Role::Merchant) && !is_merchant(Role::Staff));
        assert_eq!(campaigns_home(Some(Role::Merchant)), "/shop");
        assert_eq!(campaigns_home(Some(Role::Staff)), "/groceries");
        assert_eq!(campaigns_home(None), "/shop");
    }
}
