//! The editor's product rows: name, unit, price in yuan, stock, per-household limit and an
//! optional photo. Each row is checked here, field by field, with the server's own limits, so
//! the sentence appears under the very input that is wrong ("products.price_fen" alone could
//! not say which row).

use leptos::prelude::*;
use linli_api::groceries::{limits, yuan, NewProduct};
use linli_api::ids::UploadId;

use super::numbers::{parse_count, parse_yuan, NumberError};
use crate::layout::OnePhoto;
use super::rows::{Problem, RowError, RowInput};
use super::unit_price_text;
use crate::i18n::{t, t_args, tr};

/// One product as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductDraft {
    pub name: String,
    pub unit: String,
    pub price: String,
    pub stock: String,
    pub limit: String,
    pub photo: Option<UploadId>,
}

/// A required text of at most `max` characters, trimmed.
fn text(raw: &str, max: usize) -> Result<String, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        Err(Problem::Required)
    } else if text.chars().count() > max {
        Err(Problem::TooLong)
    } else {
        Ok(text.to_owned())
    }
}

/// A price in yuan as fen within the campaign's limits.
pub fn price_fen(raw: &str) -> Result<i64, Problem> {
    match parse_yuan(raw) {
        Ok(0) => Err(Problem::PriceZero),
        Ok(fen) if fen > limits::MAX_PRICE_FEN => Err(Problem::PriceTooHigh),
        Ok(fen) => Ok(fen),
        Err(NumberError::Empty) => Err(Problem::Required),
        Err(NumberError::TooLarge) => Err(Problem::PriceTooHigh),
        Err(NumberError::Invalid) => Err(Problem::PriceFormat),
    }
}

/// A whole number from 1 to `max`, or `range` (said with its bounds).
fn count(raw: &str, max: i64, range: Problem) -> Result<i64, Problem> {
    match parse_count(raw) {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        Err(NumberError::Empty) => Err(Problem::Required),
        _ => Err(range),
    }
}

/// The product a row describes, or its first wrong field (`name`, `unit`, `price`, `stock`,
/// `limit`), in the order the row shows them.
pub fn check_product(row: u32, draft: &ProductDraft) -> Result<NewProduct, RowError> {
    let at = |field| move |problem| RowError::new(row, field, problem);
    let name = text(&draft.name, limits::PRODUCT_NAME_MAX_CHARS).map_err(at("name"))?;
    let unit = text(&draft.unit, limits::UNIT_MAX_CHARS).map_err(at("unit"))?;
    let price_fen = price_fen(&draft.price).map_err(at("price"))?;
    let stock = count(&draft.stock, limits::MAX_STOCK, Problem::StockRange).map_err(at("stock"))?;
    let per_household_limit = count(&draft.limit, stock, Problem::LimitRange).map_err(at("limit"))?;
    Ok(NewProduct { name, unit, price_fen, stock, per_household_limit, photo: draft.photo })
}

/// What the price hint says while typing: the unit price as it will be shown, once it reads.
pub fn price_preview(price: &str, unit: &str) -> Option<(i64, String)> {
    let fen = price_fen(price).ok()?;
    Some((fen, unit.trim().to_owned()))
}

/// A product row's fields, as signals.
#[derive(Clone, Copy)]
pub struct ProductRow {
    pub key: u32,
    pub name: RwSignal<String>,
    pub unit: RwSignal<String>,
    pub price: RwSignal<String>,
    pub stock: RwSignal<String>,
    pub limit: RwSignal<String>,
    pub photo: RwSignal<Option<UploadId>>,
}

impl ProductRow {
    /// An empty row; its signals belong to the current owner (the form's).
    pub fn new(key: u32) -> Self {
        ProductRow {
            key,
            name: RwSignal::new(String::new()),
            unit: RwSignal::new(String::new()),
            price: RwSignal::new(String::new()),
            stock: RwSignal::new(String::new()),
            limit: RwSignal::new("1".to_owned()),
            photo: RwSignal::new(None),
        }
    }

    pub fn draft(&self) -> ProductDraft {
        ProductDraft {
            name: self.name.get_untracked(),
            unit: self.unit.get_untracked(),
            price: self.price.get_untracked(),
            stock: self.stock.get_untracked(),
            limit: self.limit.get_untracked(),
            photo: self.photo.get_untracked(),
        }
    }
}

/// The element id of a row's field, by the row's place: `product-price-0`.
pub fn product_input_id(field: &str, index: usize) -> String {
    format!("product-{field}-{index}")
}

/// The product rows, "add a product", and each row's "remove".
#[component]
pub fn ProductRows(
    rows: RwSignal<Vec<ProductRow>>,
    error: RwSignal<Option<RowError>>,
    uploading: RwSignal<usize>,
    /// Adds an empty row (made by the form, which owns the rows' signals).
    add: Callback<()>,
) -> impl IntoView {
    let full = move || rows.with(Vec::len) >= limits::MAX_PRODUCTS;
    view! {
        <section id="products" class="product-rows" aria-labelledby="products-heading">
            <h2 id="products-heading" tabindex="-1">{tr("shop-products-heading")}</h2>
            <For each=move || rows.get() key=|row| row.key let:row>
                <ProductFields row rows error uploading/>
            </For>
            {move || (!full()).then(|| view! {
                <button type="button" class="button" id="add-product" on:click=move |_| add.run(())>{tr("shop-add-product")}</button>
            })}
        </section>
    }
}

#[component]
fn ProductFields(
    row: ProductRow,
    rows: RwSignal<Vec<ProductRow>>,
    error: RwSignal<Option<RowError>>,
    uploading: RwSignal<usize>,
) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0)));
    let id = move |field: &'static str| Signal::derive(move || product_input_id(field, index.get()));
    let price_hint = Signal::derive(move || match price_preview(&row.price.get(), &row.unit.get()) {
        Some((fen, unit)) if !unit.is_empty() => t_args("shop-price-preview", &[("price", unit_price_text(fen, &unit).into())]),
        Some((fen, _)) => t_args("shop-price-preview", &[("price", yuan(fen).into())]),
        None => t("shop-price-hint"),
    });
    let limit_hint = Signal::derive(|| t("shop-limit-hint"));
    let remove = move |_| {
        rows.update(|rows| rows.retain(|r| r.key != key));
        error.update(|e| {
            if e.is_some_and(|e| e.row == key) {
                *e = None;
            }
        });
        super::focus_soon("#products-heading");
    };
    let many = move || rows.with(Vec::len) > 1;
    view! {
        <fieldset class="product-row" id=move || format!("product-{}", index.get())>
            <legend>{move || t_args("shop-product-legend", &[("number", (index.get() + 1).into())])}</legend>
            <RowInput id=id("name") label="shop-field-product-name" value=row.name error row=key field="name"
                maxlength=limits::PRODUCT_NAME_MAX_CHARS/>
            <div class="field-pair">
                <RowInput id=id("unit") label="shop-field-unit" value=row.unit error row=key field="unit"
                    maxlength=limits::UNIT_MAX_CHARS hint=Signal::derive(|| t("shop-unit-hint"))/>
                <RowInput id=id("price") label="shop-field-price" value=row.price error row=key field="price"
                    inputmode="decimal" hint=price_hint/>
            </div>
            <div class="field-pair">
                <RowInput id=id("stock") label="shop-field-stock" value=row.stock error row=key field="stock" inputmode="numeric"/>
                <RowInput id=id("limit") label="shop-field-limit" value=row.limit error row=key field="limit" inputmode="numeric"
                    hint=limit_hint/>
            </div>
            <OnePhoto id=id("photo") subject=row.name photo=row.photo uploading/>
            {move || many().then(|| view! {
                <button type="button" class="button danger" id=move || product_input_id("remove", index.get()) on:click=remove>
                    {move || t_args("shop-remove-product", &[("number", (index.get() + 1).into())])}
                </button>
            })}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> ProductDraft {
        ProductDraft { name: " 土鸡蛋 ".into(), unit: "盒".into(), price: "28.8".into(), stock: "500".into(), limit: "2".into(), photo: None }
    }

    fn wrong(spoil: fn(&mut ProductDraft)) -> (&'static str, Problem) {
        let mut bad = draft();
        spoil(&mut bad);
        let error = check_product(4, &bad).unwrap_err();
        assert_eq!(error.row, 4);
        (error.field, error.problem)
    }

    #[test]
    fn a_good_row_is_a_product_in_exact_fen() {
        let product = check_product(0, &draft()).unwrap();
        assert_eq!(product, NewProduct { name: "土鸡蛋".into(), unit: "盒".into(), price_fen: 2_880, stock: 500, per_household_limit: 2, photo: None });
    }

    #[test]
    fn each_wrong_field_is_named_with_its_sentence() {
        assert_eq!(wrong(|d| d.name = "  ".into()), ("name", Problem::Required));
        assert_eq!(wrong(|d| d.unit = "一".repeat(limits::UNIT_MAX_CHARS + 1)), ("unit", Problem::TooLong));
        assert_eq!(wrong(|d| d.price = "".into()), ("price", Problem::Required));
        assert_eq!(wrong(|d| d.price = "28.888".into()), ("price", Problem::PriceFormat));
        assert_eq!(wrong(|d| d.price = "0.00".into()), ("price", Problem::PriceZero));
        assert_eq!(wrong(|d| d.price = "100000.01".into()), ("price", Problem::PriceTooHigh));
        assert_eq!(wrong(|d| d.stock = "0".into()), ("stock", Problem::StockRange));
        assert_eq!(wrong(|d| d.stock = "100001".into()), ("stock", Problem::StockRange));
        assert_eq!(wrong(|d| d.stock = "2.5".into()), ("stock", Problem::StockRange));
        assert_eq!(wrong(|d| d.limit = "501".into()), ("limit", Problem::LimitRange), "more than the stock");
        assert_eq!(wrong(|d| d.limit = "".into()), ("limit", Problem::Required));
    }

    #[test]
    fn the_first_wrong_field_in_the_row_is_told_first() {
        assert_eq!(wrong(|d| { d.name = "".into(); d.price = "x".into() }), ("name", Problem::Required));
    }

    #[test]
    fn what_the_row_checks_the_shared_validation_accepts() {
        use chrono::{Duration, Utc};
        use linli_api::groceries::NewCampaign;
        let now = Utc::now();
        let campaign = NewCampaign {
            title: "鸡蛋".into(),
            description: String::new(),
            products: vec![check_product(0, &draft()).unwrap()],
            min_households: 1,
            cut_off: now + Duration::days(1),
            pickup_point: Some("东门".into()),
            batches: vec![],
        };
        assert!(linli_api::validate::new_campaign(&campaign, now).is_ok());
    }

    #[test]
    fn the_price_hint_shows_the_unit_price_once_it_reads() {
        assert_eq!(price_preview("28.8", " 盒 "), Some((2_880, "盒".into())));
        assert_eq!(price_preview("28.8.8", "盒"), None);
        assert_eq!(product_input_id("price", 0), "product-price-0");
    }
}
