//! `/hall/votes/:id/record`: the ballots cast, chained by hash, without voters, a page at a
//! time (a vote of 10,000 households has as many entries). A voter types their receipt and
//! the server says whether it is there and counted, whichever page it is on.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use linli_api::hall::{ChainEntry, Vote, VoteRecord};
use linli_api::ids::VoteId;
use linli_api::paging::PageQuery;
use linli_api::ErrorCode;

use super::option_text;
use super::vote::parse_vote_id;
use crate::i18n::{t, t_args, tr};
use crate::layout::{ErrorBox, Guarded, ListPage, Loading, MoreButton, Page, Pages};
use crate::session::{is_member, Session};

/// What the record says about a receipt someone typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptCheck {
    Counted,
    /// The voter cast again later; that later ballot counts.
    Replaced,
    NotFound,
}

/// A receipt as typed in its stored form, once all eight characters are there.
pub fn typed_receipt(typed: &str) -> Option<String> {
    let receipt: String = typed.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    (receipt.len() == 8).then_some(receipt)
}

#[component]
pub fn RecordPage() -> impl IntoView {
    let params = use_params_map();
    let id = parse_vote_id(params.read_untracked().get("id"));
    let back = id.map(|id| format!("/hall/votes/{id}")).unwrap_or_else(|| "/hall".into());
    view! {
        <Page back title="hall-record-title">
            <Guarded allow=is_member>
                {match id {
                    Some(id) => view! { <Record id/> }.into_any(),
                    None => view! { <ErrorBox code=ErrorCode::NotFound/> }.into_any(),
                }}
            </Guarded>
        </Page>
    }
}

#[component]
fn Record(id: VoteId) -> impl IntoView {
    let session = Session::get();
    let pages: Pages<ChainEntry> = Pages::new();
    let vote = RwSignal::new(None::<Vote>);
    // Every page loaded so far follows from the entry before it.
    let intact = RwSignal::new(true);
    let load = move |from_start: bool| {
        pages.load(session, from_start, move |client, after| async move {
            let record = client.vote_record(id, &PageQuery::after(after.as_deref(), None)).await?;
            let VoteRecord { vote: shown, chain, chain_intact, chain_length, next_after } = record;
            vote.set(Some(shown));
            intact.update(|all| *all = (*all || from_start) && chain_intact);
            Ok(ListPage { items: chain, next: next_after, total: Some(chain_length) })
        })
    };
    load(true);
    let retry = Callback::new(move |_| load(false));
    let more = Callback::new(move |_| load(false));
    move || match (vote.get(), pages.failed()) {
        (None, Some(code)) => view! { <ErrorBox code retry/> }.into_any(),
        (None, None) => view! { <Loading/> }.into_any(),
        (Some(vote), _) => {
            let vote = StoredValue::new(vote);
            view! {
                <p class="summary">{vote.with_value(|vote| vote.question.clone())}</p>
                <p id="chain-status" class=move || if intact.get() { "ok" } else { "error" }>
                    {move || t(if intact.get() { "hall-chain-intact" } else { "hall-chain-broken" })}
                </p>
                <ReceiptField id/>
                <p id="chain-count" class="summary">
                    {move || pages.total.get().map(|total| t_args("hall-chain-count", &[
                        ("shown", pages.items.with(Vec::len).into()),
                        ("total", total.into()),
                    ]))}
                </p>
                <ol id="chain" class="history">
                    <For each=move || pages.items.get() key=|entry| entry.sequence let:entry>
                        <EntryItem vote entry/>
                    </For>
                </ol>
                {move || pages.loading().then(|| view! { <Loading/> })}
                {move || pages.failed().map(|code| view! { <ErrorBox code retry/> })}
                <MoreButton id="chain-more" label="hall-chain-more" shown=Signal::derive(move || pages.has_more()) more/>
            }
            .into_any()
        }
    }
}

#[component]
fn EntryItem(vote: StoredValue<Vote>, entry: ChainEntry) -> impl IntoView {
    let choices = move || vote.with_value(|vote| entry.choices.iter().map(|c| option_text(vote, *c)).collect::<Vec<_>>().join(&t("list-separator")));
    view! {
        <li class="history-item" class:counted=entry.counted>
            <p>{move || t_args("hall-chain-entry", &[
                ("sequence", entry.sequence.into()),
                ("receipt", entry.receipt.clone().into()),
                ("choice", choices().into()),
            ])}</p>
            <p class="hint">{move || t(if entry.counted { "hall-entry-counted" } else { "hall-entry-replaced" })}</p>
        </li>
    }
}

/// The receipt a voter types, checked by the server once all eight characters are there.
#[component]
fn ReceiptField(id: VoteId) -> impl IntoView {
    let session = Session::get();
    let typed = RwSignal::new(String::new());
    let answer = RwSignal::new(None::<Result<ReceiptCheck, ErrorCode>>);
    Effect::new(move |_| {
        let Some(receipt) = typed_receipt(&typed.get()) else {
            answer.set(None);
            return;
        };
        let client = session.client();
        spawn_local(async move {
            let found = match client.vote_receipt(id, &receipt).await {
                Ok(entry) if entry.counted => Ok(ReceiptCheck::Counted),
                Ok(_) => Ok(ReceiptCheck::Replaced),
                Err(error) if error.code() == ErrorCode::NotFound => Ok(ReceiptCheck::NotFound),
                Err(error) => Err(error.code()),
            };
            // Only the answer for what is typed now.
            if typed_receipt(&typed.get_untracked()).as_deref() == Some(receipt.as_str()) {
                answer.try_set(Some(found));
            }
        });
    });
    let said = move || {
        answer.get().map(|found| match found {
            Ok(ReceiptCheck::Counted) => t("hall-receipt-counted"),
            Ok(ReceiptCheck::Replaced) => t("hall-receipt-replaced"),
            Ok(ReceiptCheck::NotFound) => t("hall-receipt-not-found"),
            Err(code) => crate::layout::error_text(code),
        })
    };
    view! {
        <div class="field">
            <label for="receipt">{tr("hall-receipt-field")}</label>
            <input id="receipt" name="receipt" type="text" autocomplete="off" autocapitalize="characters"
                spellcheck="false" bind:value=typed/>
        </div>
        <p id="receipt-check" role="status">{said}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_receipt_is_checked_however_it_is_written_once_complete() {
        assert_eq!(typed_receipt("ab23-cd45").as_deref(), Some("AB23CD45"));
        assert_eq!(typed_receipt("K7PM 4XQ2").as_deref(), Some("K7PM4XQ2"));
        assert_eq!(typed_receipt("K7PM 4X"), None, "not yet complete");
        assert_eq!(typed_receipt("K7PM4XQ2Z"), None);
    }
}
