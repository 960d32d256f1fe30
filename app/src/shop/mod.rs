//! Group buying for shops and staff: `/shop` is a shop's home (its standing and its
//! campaigns), `/shop/apply` where a shop applies to a community, `/shop/campaigns/new` the
//! campaign editor, `/shop/campaigns/:id` the live dashboard, `/shop/campaigns/:id/picking`
//! the picking list with its CSV, `/shop/scan` checking pickup codes, and
//! `/shop/merchants` where staff approve shops.

use leptos::prelude::*;

#[component]
pub fn ShopHome() -> impl IntoView {
    view! { <main id="shop"><h1 tabindex="-1">"店铺"</h1></main> }
}

#[component]
pub fn MerchantApplyPage() -> impl IntoView {
    view! { <main id="shop-apply"><h1 tabindex="-1">"商家入驻"</h1></main> }
}

#[component]
pub fn CampaignEditorPage() -> impl IntoView {
    view! { <main id="campaign-editor"><h1 tabindex="-1">"发布团购"</h1></main> }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    view! { <main id="campaign-dashboard"><h1 tabindex="-1">"团购进度"</h1></main> }
}

#[component]
pub fn PickingPage() -> impl IntoView {
    view! { <main id="picking"><h1 tabindex="-1">"配货单"</h1></main> }
}

#[component]
pub fn ScanPage() -> impl IntoView {
    view! { <main id="scan"><h1 tabindex="-1">"核销提货码"</h1></main> }
}

#[component]
pub fn MerchantReviewPage() -> impl IntoView {
    view! { <main id="merchants"><h1 tabindex="-1">"商家审核"</h1></main> }
}
