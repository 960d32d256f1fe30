//! What the editor's repeated rows (products, delivery rounds) share: what can be wrong with
//! one of their fields, in words, and a labelled input wired to that sentence.
//!
//! A row is known by a key that never changes while the form is open; its place in the list
//! (which names its element ids, `product-price-0`) changes when an earlier row is removed.

use leptos::prelude::*;
use linli_api::groceries::{limits, yuan};
use linli_api::ErrorCode;

use crate::i18n::{t, t_args};
use crate::layout::error_text;

/// What is wrong with one field of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong,
    /// Not a price in yuan with at most two decimals.
    PriceFormat,
    PriceZero,
    PriceTooHigh,
    /// Not a whole number from 1 to the most stock a product may have.
    StockRange,
    /// Not a whole number from 1 to the product's stock.
    LimitRange,
    /// Not a date or a time.
    TimeInvalid,
    /// A delivery that starts before orders close.
    BeforeCutOff,
    /// A delivery window that ends before it starts.
    EndBeforeStart,
}

impl Problem {
    /// The sentence, in the current locale.
    pub fn text(self) -> String {
        match self {
            Problem::Required => error_text(ErrorCode::FieldRequired),
            Problem::TooLong => error_text(ErrorCode::FieldTooLong),
            Problem::PriceFormat => t("shop-price-invalid"),
            Problem::PriceZero => t("shop-price-zero"),
            Problem::PriceTooHigh => t_args("shop-price-too-high", &[("max", yuan(limits::MAX_PRICE_FEN).into())]),
            Problem::StockRange => t_args("shop-stock-invalid", &[("max", limits::MAX_STOCK.into())]),
            Problem::LimitRange => t("shop-limit-invalid"),
            Problem::TimeInvalid => t("shop-time-invalid"),
            Problem::BeforeCutOff => t("shop-batch-before-cut-off"),
            Problem::EndBeforeStart => t("shop-batch-end-before-start"),
        }
    }
}

/// The first thing wrong in a row: which row (by key), which field, what.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowError {
    pub row: u32,
    pub field: &'static str,
    pub problem: Problem,
}

impl RowError {
    pub fn new(row: u32, field: &'static str, problem: Problem) -> Self {
        RowError { row, field, problem }
    }
}

/// The row error shown now, if any, and whether it is about `row`'s `field` (tracked).
pub fn problem_at(error: RwSignal<Option<RowError>>, row: u32, field: &str) -> Option<Problem> {
    error.with(|error| error.filter(|error| error.row == row && error.field == field).map(|error| error.problem))
}

/// A labelled input of a row, with its hint and the sentence about it when it is wrong.
#[component]
pub fn RowInput(
    /// The input's id; the hint's and the error's follow from it.
    #[prop(into)]
    id: Signal<String>,
    /// Fluent id of the label.
    label: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<RowError>>,
    row: u32,
    field: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
) -> impl IntoView {
    let problem = move || problem_at(error, row, field);
    let described_by = move || {
        let id = id.get();
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if problem().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="field">
            <label for=move || id.get()>{move || t(label)}</label>
            <input id=move || id.get() name=field type=kind inputmode=inputmode autocomplete="off" required
                maxlength=maxlength.map(|max| max.to_string())
                aria-invalid=move || problem().map(|_| "true")
                aria-describedby=described_by
                bind:value=value/>
            {hint.map(|hint| view! { <p id=move || format!("{}-hint", id.get()) class="hint">{move || hint.get()}</p> })}
            {move || problem().map(|problem| view! {
                <p id=format!("{}-error", id.get_untracked()) class="field-error" role="alert">{move || problem.text()}</p>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_belongs_to_one_field_of_one_row() {
        let owner = Owner::new();
        owner.with(|| {
            let error = RwSignal::new(Some(RowError::new(2, "price", Problem::PriceZero)));
            assert_eq!(problem_at(error, 2, "price"), Some(Problem::PriceZero));
            assert_eq!(problem_at(error, 2, "stock"), None);
            assert_eq!(problem_at(error, 1, "price"), None);
        });
    }
}
