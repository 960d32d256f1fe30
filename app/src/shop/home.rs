//! `/shop`: a shop's home. Its standing with the community (waiting for approval, refused
//! with the reason, or approved), the two things it does (publish a group buy, check a
//! pickup code), then its campaigns, newest first as the server lists them, each with its
//! phase and households towards the minimum, leading to its dashboard.

use leptos::prelude::*;
use linli_api::groceries::{Campaign, Merchant, MerchantStanding};

use super::{households_text, is_merchant, phase_tag, ShopPage};
use crate::i18n::{format_datetime, locale, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loaded, Loading};
use crate::session::Session;

#[component]
pub fn ShopHome() -> impl IntoView {
    view! {
        <ShopPage id="shop" back="/">
            <h1 tabindex="-1">{tr("shop-home-title")}</h1>
            <Guarded allow=is_merchant>
                <Home/>
            </Guarded>
        </ShopPage>
    }
}

/// The Fluent id of the sentence about a standing.
pub fn standing_id(standing: MerchantStanding) -> &'static str {
    match standing {
        MerchantStanding::Pending => "shop-standing-pending",
        MerchantStanding::Approved => "shop-standing-approved",
        MerchantStanding::Rejected => "shop-standing-rejected",
    }
}

#[component]
fn Home() -> impl IntoView {
    let session = Session::get();
    let merchant: Loaded<Merchant> = RwSignal::new(None);
    let campaigns: Loaded<Vec<Campaign>> = RwSignal::new(None);
    let load_merchant = move || {
        let client = session.client();
        load_into(session, merchant, async move { client.my_merchant().await });
    };
    let load_campaigns = move || {
        let client = session.client();
        load_into(session, campaigns, async move { client.campaigns().await });
    };
    load_merchant();
    load_campaigns();
    // A household ordered, a campaign was decided or picked up: the list follows.
    Effect::new(move |_| {
        let Some((changed, _)) = session.live.campaign_changed.get() else { return };
        let mine = campaigns.with_untracked(|list| {
            matches!(list, Some(Ok(list)) if list.iter().any(|campaign| campaign.id == changed))
        });
        if mine {
            load_campaigns();
        }
    });
    session.live.reload_on_resync(load_campaigns);
    let retry_merchant = Callback::new(move |_| {
        merchant.set(None);
        load_merchant();
    });
    let retry_campaigns = Callback::new(move |_| {
        campaigns.set(None);
        load_campaigns();
    });
    let approved = move || merchant.with(|m| matches!(m, Some(Ok(m)) if m.standing == MerchantStanding::Approved));
    view! {
        {move || match merchant.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Err(code)) => view! { <ErrorBox code retry=retry_merchant/> }.into_any(),
            Some(Ok(merchant)) => view! { <Standing merchant/> }.into_any(),
        }}
        <nav class="shop-actions" aria-label=tr("shop-actions-label")>
            {move || approved().then(|| view! {
                <a class="button primary big" id="new-campaign" href="/shop/campaigns/new">{tr("shop-new-campaign")}</a>
            })}
            <a class="button big" id="scan-link" href="/shop/scan">{tr("shop-scan-link")}</a>
        </nav>
        <section aria-labelledby="shop-campaigns-heading">
            <h2 id="shop-campaigns-heading">{tr("shop-campaigns-heading")}</h2>
            {move || match campaigns.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry=retry_campaigns/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty" id="shop-campaigns-none">{tr("shop-campaigns-none")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul id="shop-campaigns" class="topic-list">
                        {list.into_iter().map(|campaign| view! { <CampaignCard campaign/> }).collect_view()}
                    </ul>
                }.into_any(),
            }}
        </section>
    }
}

/// The shop's name and where it stands with the community.
#[component]
fn Standing(merchant: Merchant) -> impl IntoView {
    let session = Session::get();
    let community = move || session.me().map(|me| me.community.name).unwrap_or_default();
    let standing = merchant.standing;
    let reason = merchant.reason.clone().unwrap_or_default();
    let class = match standing {
        MerchantStanding::Approved => "shop-standing approved",
        MerchantStanding::Pending => "shop-standing callout",
        MerchantStanding::Rejected => "shop-standing refused",
    };
    view! {
        <section id="shop-standing" class=class data-standing=super::standing_key(standing) aria-labelledby="shop-name">
            <h2 id="shop-name">{merchant.shop_name.clone()}</h2>
            <p>{move || t_args(standing_id(standing), &[("community", community().into())])}</p>
            {(standing == MerchantStanding::Rejected && !reason.is_empty()).then(|| view! {
                <p id="shop-standing-reason">{move || t_args("shop-standing-reason", &[("reason", reason.clone().into())])}</p>
            })}
        </section>
    }
}

#[component]
fn CampaignCard(campaign: Campaign) -> impl IntoView {
    let session = Session::get();
    let Campaign { id, title, phase, households, min_households, cut_off, .. } = campaign;
    let cut_off_text = move || t_args("shop-cut-off-at", &[("when", format_datetime(locale(), cut_off, session.utc_offset()).into())]);
    view! {
        <li class="topic-card" id=format!("campaign-{id}")>
            <a class="topic-title" href=format!("/shop/campaigns/{id}")>{title}</a>
            <p class="topic-tags">{phase_tag(phase, None)}</p>
            <p class="campaign-households">{move || households_text(households, min_households)}</p>
            <p class="hint">{cut_off_text}</p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_standing_has_its_sentence() {
        assert_eq!(standing_id(MerchantStanding::Pending), "shop-standing-pending");
        assert_eq!(standing_id(MerchantStanding::Rejected), "shop-standing-rejected");
        assert_eq!(standing_id(MerchantStanding::Approved), "shop-standing-approved");
    }
}
