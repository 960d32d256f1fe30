//! `/hall/votes/:id/record`: every ballot cast, chained by hash, without voters. A voter
//! types their receipt and sees whether it was counted.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use linli_api::hall::{ChainEntry, VoteRecord};
use linli_api::ErrorCode;

use super::option_text;
use super::vote::parse_vote_id;
use crate::i18n::{t, t_args, tr};
use crate::layout::{load_into, ErrorBox, Guarded, Loading, Page};
use crate::session::{is_member, Session};

/// What the record says about a receipt someone typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReceiptCheck {
    Counted,
    /// The voter cast again later; that later ballot counts.
    Replaced,
    NotFound,
}

pub fn check_receipt(chain: &[ChainEntry], typed: &str) -> ReceiptCheck {
    let typed: String = typed.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_uppercase()).collect();
    match chain.iter().find(|entry| entry.receipt == typed) {
        Some(entry) if entry.counted => ReceiptCheck::Counted,
        Some(_) => ReceiptCheck::Replaced,
        None => ReceiptCheck::NotFound,
    }
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
fn Record(id: linli_api::ids::VoteId) -> impl IntoView {
    let session = Session::get();
    let record = RwSignal::new(None::<Result<VoteRecord, ErrorCode>>);
    let load = move || {
        let client = session.client();
        load_into(session, record, async move { client.vote_record(id).await });
    };
    load();
    let retry = Callback::new(move |_| load());
    let typed = RwSignal::new(String::new());
    move || match record.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
        Some(Ok(VoteRecord { vote, chain, chain_intact })) => {
            let entries = chain.clone();
            let answer = move || {
                let typed = typed.get();
                (!typed.trim().is_empty()).then(|| t(match check_receipt(&entries, &typed) {
                    ReceiptCheck::Counted => "hall-receipt-counted",
                    ReceiptCheck::Replaced => "hall-receipt-replaced",
                    ReceiptCheck::NotFound => "hall-receipt-not-found",
                }))
            };
            view! {
                <p class="summary">{vote.question.clone()}</p>
                <p id="chain-status" class=if chain_intact { "ok" } else { "error" }>
                    {move || t(if chain_intact { "hall-chain-intact" } else { "hall-chain-broken" })}
                </p>
                <div class="field">
                    <label for="receipt">{tr("hall-receipt-field")}</label>
                    <input id="receipt" name="receipt" type="text" autocomplete="off" autocapitalize="characters"
                        spellcheck="false" bind:value=typed/>
                </div>
                <p id="receipt-check" role="status">{answer}</p>
                <ol id="chain" class="history">
                    {chain.into_iter().map(|entry| {
                        let choices = entry.choices.iter().map(|c| option_text(&vote, *c)).collect::<Vec<_>>().join(&t("list-separator"));
                        view! {
                            <li class="history-item" class:counted=entry.counted>
                                <p>{t_args("hall-chain-entry", &[
                                    ("sequence", entry.sequence.into()),
                                    ("receipt", entry.receipt.clone().into()),
                                    ("choice", choices.into()),
                                ])}</p>
                                <p class="hint">{t(if entry.counted { "hall-entry-counted" } else { "hall-entry-replaced" })}</p>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            }.into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Utc;

    fn entry(receipt: &str, counted: bool) -> ChainEntry {
        ChainEntry { sequence: 1, receipt: receipt.into(), choices: vec![0], cast_at: Utc::now(), hash: String::new(), counted }
    }

    #[test]
    fn a_typed_receipt_is_found_however_it_is_written() {
        let chain = [entry("K7PM4XQ2", false), entry("AB23CD45", true)];
        assert_eq!(check_receipt(&chain, "ab23-cd45"), ReceiptCheck::Counted);
        assert_eq!(check_receipt(&chain, "K7PM 4XQ2"), ReceiptCheck::Replaced);
        assert_eq!(check_receipt(&chain, "ZZZZZZZZ"), ReceiptCheck::NotFound);
    }
}
