//! `/shop/merchants` (staff): the shops that applied to the community, applications waiting
//! for a decision first. Staff see the contact's phone in full (the server logs the look),
//! approve, or refuse with a reason the shop will read; an approved shop may be refused
//! later, and a refused one approved after all.

use leptos::prelude::*;
use leptos::task::spawn_local;
use linli_api::groceries::{limits, Merchant, MerchantStanding, ReviewMerchant};
use linli_api::ids::UserId;
use linli_api::{validate, ApiError};

use super::ShopPage;
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{error_text, load_into, ErrorBox, Guarded, Loaded, Loading};
use crate::session::{can_invite, Session};

#[component]
pub fn MerchantReviewPage() -> impl IntoView {
    view! {
        <ShopPage id="merchants" back="/">
            <h1 tabindex="-1">{tr("shop-review-title")}</h1>
            <Guarded allow=can_invite>
                <Review/>
            </Guarded>
        </ShopPage>
    }
}

/// Applications waiting for a decision, then the decided ones, each in the server's order.
pub fn in_review_order(merchants: Vec<Merchant>) -> (Vec<Merchant>, Vec<Merchant>) {
    merchants.into_iter().partition(|m| m.standing == MerchantStanding::Pending)
}

/// The Fluent id of a standing as a tag.
pub fn standing_label(standing: MerchantStanding) -> &'static str {
    match standing {
        MerchantStanding::Pending => "shop-standing-label-pending",
        MerchantStanding::Approved => "shop-standing-label-approved",
        MerchantStanding::Rejected => "shop-standing-label-rejected",
    }
}

#[component]
fn Review() -> impl IntoView {
    let session = Session::get();
    let merchants: Loaded<Vec<Merchant>> = RwSignal::new(None);
    let load = move || {
        merchants.set(None);
        let client = session.client();
        load_into(session, merchants, async move { client.merchants().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    move || match merchants.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
        Some(Ok(list)) => {
            let (pending, decided) = in_review_order(list);
            let waiting = pending.len();
            view! {
                <section aria-labelledby="pending-heading">
                    <h2 id="pending-heading">{move || t_args("shop-review-pending", &[("count", waiting.into())])}</h2>
                    {if pending.is_empty() {
                        view! { <p class="empty" id="pending-none">{tr("shop-review-pending-none")}</p> }.into_any()
                    } else {
                        view! {
                            <ul id="pending-merchants" class="history">
                                {pending.into_iter().map(|merchant| view! { <MerchantItem merchant/> }).collect_view()}
                            </ul>
                        }.into_any()
                    }}
                </section>
                {(!decided.is_empty()).then(|| view! {
                    <section aria-labelledby="decided-heading">
                        <h2 id="decided-heading">{tr("shop-review-decided")}</h2>
                        <ul id="decided-merchants" class="history">
                            {decided.into_iter().map(|merchant| view! { <MerchantItem merchant/> }).collect_view()}
                        </ul>
                    </section>
                })}
            }
            .into_any()
        }
    }
}

/// One shop: who, since when, where it stands, and the decision to take.
#[component]
fn MerchantItem(merchant: Merchant) -> impl IntoView {
    let session = Session::get();
    let id = merchant.id;
    let current = RwSignal::new(merchant);
    let refusing = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let decided = RwSignal::new(None::<MerchantStanding>);
    let standing = Memo::new(move |_| current.with(|m| m.standing));

    let decide = move |approve: bool| {
        if busy.get_untracked() {
            return;
        }
        let typed = reason.get_untracked();
        let reason = match validate::reason((!approve).then_some(typed.as_str()), !approve) {
            Ok(reason) => reason,
            Err(problem) => {
                error.set(Some(problem));
                super::focus_soon(&format!("#reason-{id}"));
                return;
            }
        };
        error.set(None);
        decided.set(None);
        busy.set(true);
        let client = session.client();
        spawn_local(async move {
            match client.review_merchant(id, &ReviewMerchant { approve, reason }).await {
                Ok(updated) => {
                    decided.try_set(Some(updated.standing));
                    current.try_set(updated);
                    refusing.try_set(false);
                    super::focus_soon(&format!("#merchant-{id}-name"));
                }
                Err(failure) => {
                    session.on_error(failure.code());
                    error.try_set(Some(ApiError { code: failure.code(), field: failure.field().map(str::to_owned) }));
                }
            }
            busy.try_set(false);
        });
    };
    let reason_error = move || error.with(|e| e.as_ref().filter(|e| e.field.as_deref() == Some("reason")).map(|e| e.code));
    let other_error = move || error.with(|e| e.as_ref().filter(|e| e.field.as_deref() != Some("reason")).map(|e| e.code));
    let applied = move || current.with(|m| t_args("shop-review-applied", &[("when", format_datetime(locale(), m.applied_at, session.utc_offset()).into())]));
    let reviewed = move || {
        current.with(|m| m.reviewed_at).map(|at| t_args("shop-review-reviewed", &[("when", format_datetime(locale(), at, session.utc_offset()).into())]))
    };
    let refusal = move || current.with(|m| m.reason.clone()).filter(|_| standing.get() == MerchantStanding::Rejected);
    view! {
        <li class="history-item merchant-item" id=format!("merchant-{id}")
            data-standing=move || super::standing_key(standing.get())>
            <h3 id=format!("merchant-{id}-name") tabindex="-1">{move || current.with(|m| m.shop_name.clone())}</h3>
            <p>{move || current.with(|m| t_args("shop-review-contact", &[("name", m.contact_name.clone().into()), ("phone", m.phone.clone().into())]))}</p>
            <p class="hint">{applied}</p>
            <p><span class=move || if standing.get() == MerchantStanding::Approved { "tag staff" } else { "tag" } id=format!("standing-{id}")>
                {move || t(standing_label(standing.get()))}
            </span></p>
            {move || refusal().map(|text| view! { <p>{move || t_args("shop-standing-reason", &[("reason", text.clone().into())])}</p> })}
            {move || reviewed().map(|text| view! { <p class="hint">{text}</p> })}
            <Show
                when=move || refusing.get()
                fallback=move || view! { <Decisions id standing busy refusing decide=Callback::new(decide)/> }
            >
                <div class="field">
                    <label for=format!("reason-{id}")>{tr("shop-review-reason")}</label>
                    <textarea id=format!("reason-{id}") name="reason" rows="3" required
                        maxlength=limits::REASON_MAX_CHARS.to_string()
                        aria-invalid=move || reason_error().map(|_| "true")
                        aria-describedby=move || reason_error().map(|_| format!("reason-{id}-error"))
                        bind:value=reason></textarea>
                    {move || reason_error().map(|code| view! {
                        <p id=format!("reason-{id}-error") class="field-error" role="alert">{error_text(code)}</p>
                    })}
                </div>
                <div class="confirm">
                    <button type="button" class="button danger" id=format!("reject-confirm-{id}") disabled=move || busy.get()
                        on:click=move |_| decide(false)>
                        {move || if busy.get() { t("busy") } else { t("shop-review-reject-confirm") }}
                    </button>
                    <button type="button" class="button" id=format!("reject-cancel-{id}") on:click=move |_| {
                        refusing.set(false);
                        error.set(None);
                    }>{tr("shop-review-reject-cancel")}</button>
                </div>
            </Show>
            <p class="hint" role="status" id=format!("merchant-{id}-status")>{move || decided.get().map(|standing| t(match standing {
                MerchantStanding::Approved => "shop-review-approved",
                _ => "shop-review-rejected",
            }))}</p>
            {move || other_error().map(|code| view! { <ErrorBox code/> })}
        </li>
    }
}

/// The buttons a standing allows: approve a waiting or refused shop, refuse a waiting or
/// approved one (refusing asks for the reason first).
#[component]
fn Decisions(id: UserId, standing: Memo<MerchantStanding>, busy: RwSignal<bool>, refusing: RwSignal<bool>, decide: Callback<bool>) -> impl IntoView {
    let approvable = move || standing.get() != MerchantStanding::Approved;
    let refusable = move || standing.get() != MerchantStanding::Rejected;
    view! {
        <div class="confirm">
            {move || approvable().then(|| view! {
                <button type="button" class="button primary" id=format!("approve-{id}") disabled=move || busy.get()
                    on:click=move |_| decide.run(true)>
                    {move || t(if standing.get() == MerchantStanding::Rejected { "shop-review-approve-after-all" } else { "shop-review-approve" })}
                </button>
            })}
            {move || refusable().then(|| view! {
                <button type="button" class="button danger" id=format!("reject-{id}") disabled=move || busy.get()
                    on:click=move |_| {
                        refusing.set(true);
                        super::focus_soon(&format!("#reason-{id}"));
                    }>
                    {move || t(if standing.get() == MerchantStanding::Approved { "shop-review-revoke" } else { "shop-review-reject" })}
                </button>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn merchant(id: i64, standing: MerchantStanding) -> Merchant {
        Merchant {
            id: UserId(id),
            shop_name: format!("店{id}"),
            contact_name: "李老板".into(),
            phone: "13800002222".into(),
            standing,
            reason: None,
            applied_at: Utc::now(),
            reviewed_at: None,
        }
    }

    #[test]
    fn waiting_applications_come_first_each_in_the_servers_order() {
        use MerchantStanding::*;
        let (pending, decided) = in_review_order(vec![merchant(1, Approved), merchant(2, Pending), merchant(3, Rejected), merchant(4, Pending)]);
        assert_eq!(pending.iter().map(|m| m.id.0).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(decided.iter().map(|m| m.id.0).collect::<Vec<_>>(), [1, 3]);
    }
}
