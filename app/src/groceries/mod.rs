//! Group buying (社区团购) for residents: `/groceries` lists campaigns with live stock, time
//! to the cut-off and progress to the group minimum; `/groceries/campaigns/:id` is one
//! campaign with its cart; `/groceries/orders` the household's orders with their pickup QR
//! codes; `/groceries/again` the simplified "buy again" of 长辈版.

use leptos::prelude::*;

#[component]
pub fn CampaignListPage() -> impl IntoView {
    view! { <main id="groceries"><h1 tabindex="-1">"团购"</h1></main> }
}

#[component]
pub fn CampaignPage() -> impl IntoView {
    view! { <main id="campaign"><h1 tabindex="-1">"团购"</h1></main> }
}

#[component]
pub fn MyOrdersPage() -> impl IntoView {
    view! { <main id="orders"><h1 tabindex="-1">"订单"</h1></main> }
}

#[component]
pub fn BuyAgainPage() -> impl IntoView {
    view! { <main id="buy-again"><h1 tabindex="-1">"再买一次"</h1></main> }
}
