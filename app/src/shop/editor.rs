//! `/shop/campaigns/new`: an approved shop publishes a group buy. Title and description, the
//! products (`products.rs`), how many households make the group (成团人数), when orders close
//! (a date and a time in the community's zone), and how the goods reach the households: a
//! pickup point, delivery rounds per building (`batches.rs`), or both.
//!
//! Everything is checked here before sending, in the order the form shows it, with the
//! server's own rules (`linli_api::validate::new_campaign`); the first wrong field gets its
//! sentence and the focus.

use chrono::{DateTime, Duration, Utc};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use linli_api::community::Building;
use linli_api::groceries::{limits, Merchant, MerchantStanding, NewCampaign};
use linli_api::{validate, ApiError, ErrorCode};

use super::batches::{check_batch, date_and_time, next_building, next_day, BatchDraft, BatchRow, BatchRows, batch_input_id};
use super::numbers::{parse_count, NumberError};
use super::products::{check_product, product_input_id, ProductDraft, ProductRow, ProductRows};
use super::rows::{Problem, RowError};
use super::{is_merchant, ShopPage};
use crate::hall::new::schedule::{to_local_input, zone_text};
use crate::i18n::{format_datetime, locale, t, t_args, tr};
use crate::layout::{field_error_id, load_into, ErrorBox, FormAlert, FormError, Guarded, Hint, Loaded, Loading, TextArea, TextField};
use crate::native;
use crate::session::Session;

const FIELDS: &[&str] = &["title", "description", "products", "min_households", "cut_off", "pickup_point", "batches"];

#[component]
pub fn CampaignEditorPage() -> impl IntoView {
    view! {
        <ShopPage id="campaign-editor" back="/shop">
            <h1 tabindex="-1">{tr("shop-editor-title")}</h1>
            <Guarded allow=is_merchant>
                <Editor/>
            </Guarded>
        </ShopPage>
    }
}

/// Only an approved shop may publish: others are told why before they type anything.
#[component]
fn Editor() -> impl IntoView {
    let session = Session::get();
    let merchant: Loaded<Merchant> = RwSignal::new(None);
    let load = move || {
        merchant.set(None);
        let client = session.client();
        load_into(session, merchant, async move { client.my_merchant().await });
    };
    load();
    let retry = Callback::new(move |_| load());
    let standing = Memo::new(move |_| merchant.with(|m| m.as_ref().map(|m| m.as_ref().map(|m| m.standing).map_err(|code| *code))));
    move || match standing.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(code)) => view! { <ErrorBox code retry/> }.into_any(),
        Some(Ok(MerchantStanding::Approved)) => view! { <CampaignForm/> }.into_any(),
        Some(Ok(_)) => view! {
            <ErrorBox code=ErrorCode::MerchantNotApproved/>
            <p><a class="button" href="/shop">{tr("shop-back-home")}</a></p>
        }.into_any(),
    }
}

/// The form as typed, rows with their keys.
#[derive(Debug, Clone, Default)]
pub struct CampaignDraft {
    pub title: String,
    pub description: String,
    pub products: Vec<(u32, ProductDraft)>,
    pub min_households: String,
    pub cut_off_date: String,
    pub cut_off_time: String,
    pub pickup_point: String,
    pub batches: Vec<(u32, BatchDraft)>,
}

/// The first thing wrong: a field of the campaign, or a field of one of its rows.
#[derive(Debug, Clone, PartialEq)]
pub enum EditorError {
    Form(ApiError),
    Row(RowError),
}

/// The campaign to send, or the first thing wrong in the order the form shows it.
pub fn build_campaign(draft: &CampaignDraft, utc_offset_minutes: i32, now: DateTime<Utc>) -> Result<NewCampaign, EditorError> {
    let on = |code, field| EditorError::Form(ApiError::on_field(code, field));
    let title = validate::required_text(&draft.title, limits::TITLE_MAX_CHARS, "title").map_err(EditorError::Form)?;
    if draft.description.trim().chars().count() > limits::DESCRIPTION_MAX_CHARS {
        return Err(on(ErrorCode::FieldTooLong, "description"));
    }
    if draft.products.is_empty() {
        return Err(on(ErrorCode::InvalidValue, "products"));
    }
    let products = draft.products.iter().map(|(key, product)| check_product(*key, product)).collect::<Result<Vec<_>, _>>().map_err(EditorError::Row)?;
    let min_households = match parse_count(&draft.min_households) {
        Err(NumberError::Empty) => return Err(on(ErrorCode::FieldRequired, "min_households")),
        Ok(n) if (1..=i64::from(limits::MAX_MIN_HOUSEHOLDS)).contains(&n) => n as u32,
        _ => return Err(on(ErrorCode::InvalidValue, "min_households")),
    };
    let cut_off = date_and_time(&draft.cut_off_date, &draft.cut_off_time, utc_offset_minutes).map_err(|problem| match problem {
        Problem::Required => on(ErrorCode::FieldRequired, "cut_off"),
        _ => on(ErrorCode::InvalidValue, "cut_off"),
    })?;
    let pickup_point = Some(draft.pickup_point.trim().to_owned()).filter(|point| !point.is_empty());
    let batches = draft.batches.iter().map(|(key, batch)| check_batch(*key, batch, Some(cut_off), utc_offset_minutes)).collect::<Result<Vec<_>, _>>().map_err(EditorError::Row)?;
    let campaign = NewCampaign { title, description: draft.description.clone(), products, min_households, cut_off, pickup_point, batches };
    validate::new_campaign(&campaign, now).map_err(EditorError::Form)
}

/// A clearer sentence than the generic one for some fields' errors: its Fluent id.
pub fn campaign_message(field: &str, code: ErrorCode) -> Option<&'static str> {
    match (field, code) {
        ("products", ErrorCode::InvalidValue) => Some("shop-products-invalid"),
        ("min_households", ErrorCode::InvalidValue) => Some("shop-min-households-invalid"),
        ("cut_off", ErrorCode::InvalidValue) => Some("shop-cut-off-invalid"),
        ("pickup_point", ErrorCode::FieldRequired) => Some("shop-handover-required"),
        ("batches", ErrorCode::InvalidValue) => Some("shop-batches-invalid"),
        _ => None,
    }
}

fn campaign_error_text(field: &str, code: ErrorCode) -> String {
    match campaign_message(field, code) {
        Some(id) => t_args(id, &[
            ("max", limits::MAX_PRODUCTS.into()),
            ("households", limits::MAX_MIN_HOUSEHOLDS.into()),
            ("days", limits::MAX_CUT_OFF_DAYS.into()),
        ]),
        None => crate::layout::error_text(code),
    }
}

/// The sentence under a campaign field, present only while it is wrong.
#[component]
fn CampaignFieldError(form: FormError, field: &'static str) -> impl IntoView {
    move || {
        form.on(field).map(|code| {
            view! { <p id=field_error_id(field) class="field-error" role="alert">{move || campaign_error_text(field, code)}</p> }
        })
    }
}

/// The element to focus for an error: the wrong input, by its row's place when in a row.
pub fn focus_id(error: &EditorError, products: &[u32], batches: &[u32]) -> String {
    match error {
        EditorError::Row(error) => match products.iter().position(|key| *key == error.row) {
            Some(index) => product_input_id(error.field, index),
            None => batch_input_id(error.field, batches.iter().position(|key| *key == error.row).unwrap_or(0)),
        },
        EditorError::Form(error) => match error.field.as_deref() {
            Some("title") => "campaign-title",
            Some("description") => "campaign-description",
            Some("products") => "products-heading",
            Some("min_households") => "min-households",
            Some("cut_off") => "cut-off-date",
            Some("pickup_point") => "pickup-point",
            Some("batches") => "handover-heading",
            _ => "campaign-form",
        }
        .to_owned(),
    }
}

/// The cut-off a new form starts with: tomorrow at 20:00 in the community's zone.
pub fn default_cut_off(now: DateTime<Utc>, utc_offset_minutes: i32) -> (String, String) {
    let tomorrow = to_local_input(now + Duration::days(1), utc_offset_minutes);
    (tomorrow.split('T').next().unwrap_or_default().to_owned(), "20:00".to_owned())
}

#[component]
fn CampaignForm() -> impl IntoView {
    let session = Session::get();
    let navigate = use_navigate();
    let owner = Owner::current().expect("the form has an owner");
    let offset = untrack(|| session.utc_offset());
    // Row keys, never reused while the form is open (products and rounds share them).
    let next_key = StoredValue::new(1_u32);
    let take_key = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        key
    };
    let title = RwSignal::new(String::new());
    let description = RwSignal::new(String::new());
    let products = RwSignal::new(vec![ProductRow::new(0)]);
    let min_households = RwSignal::new(String::new());
    let (date, time) = default_cut_off(native::now(), offset);
    let cut_off_date = RwSignal::new(date);
    let cut_off_time = RwSignal::new(time);
    let pickup_point = RwSignal::new(String::new());
    let batches = RwSignal::new(Vec::<BatchRow>::new());
    let uploading = RwSignal::new(0_usize);
    let busy = RwSignal::new(false);
    let form = FormError::new(FIELDS);
    let row_error = RwSignal::new(None::<RowError>);

    let buildings: Loaded<Vec<Building>> = RwSignal::new(None);
    let load_buildings = move || {
        buildings.set(None);
        let client = session.client();
        load_into(session, buildings, async move { client.buildings().await });
    };
    load_buildings();

    let add_product = {
        let owner = owner.clone();
        Callback::new(move |_| {
            let row = owner.with(|| ProductRow::new(take_key()));
            products.update(|rows| rows.push(row));
            super::focus_soon(&format!("#{}", product_input_id("name", products.with_untracked(Vec::len) - 1)));
        })
    };
    let add_batch = Callback::new(move |_| {
        let list = buildings.with_untracked(|b| b.as_ref().and_then(|b| b.as_ref().ok()).cloned()).unwrap_or_default();
        let taken: Vec<String> = batches.with_untracked(|rows| rows.iter().map(|row| row.building.get_untracked()).collect());
        let day = next_day(&cut_off_date.get_untracked()).unwrap_or_default();
        let row = owner.with(|| BatchRow::new(take_key(), next_building(&list, &taken), day));
        batches.update(|rows| rows.push(row));
        super::focus_soon(&format!("#{}", batch_input_id("building", batches.with_untracked(Vec::len) - 1)));
    });

    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || uploading.get_untracked() > 0 {
            return;
        }
        let product_rows = products.get_untracked();
        let batch_rows = batches.get_untracked();
        let draft = CampaignDraft {
            title: title.get_untracked(),
            description: description.get_untracked(),
            products: product_rows.iter().map(|row| (row.key, row.draft())).collect(),
            min_households: min_households.get_untracked(),
            cut_off_date: cut_off_date.get_untracked(),
            cut_off_time: cut_off_time.get_untracked(),
            pickup_point: pickup_point.get_untracked(),
            batches: batch_rows.iter().map(|row| (row.key, row.draft())).collect(),
        };
        let campaign = match build_campaign(&draft, untrack(|| session.utc_offset()), native::now()) {
            Ok(campaign) => campaign,
            Err(error) => {
                let product_keys: Vec<u32> = product_rows.iter().map(|row| row.key).collect();
                let batch_keys: Vec<u32> = batch_rows.iter().map(|row| row.key).collect();
                let target = focus_id(&error, &product_keys, &batch_keys);
                match error {
                    EditorError::Form(error) => {
                        row_error.set(None);
                        form.set(Some(error));
                    }
                    EditorError::Row(error) => {
                        form.clear();
                        row_error.set(Some(error));
                    }
                }
                super::focus_soon(&format!("#{target}"));
                return;
            }
        };
        row_error.set(None);
        let client = session.client();
        let navigate = navigate.clone();
        form.send(session, busy, async move { client.create_campaign(&campaign).await }, move |created| {
            navigate(&format!("/shop/campaigns/{}", created.id), Default::default());
        });
    };

    let zone_hint = move || t_args("shop-cut-off-hint", &[("zone", zone_text(session.utc_offset()).into())]);
    let cut_off_preview = move || {
        date_and_time(&cut_off_date.get(), &cut_off_time.get(), session.utc_offset())
            .ok()
            .map(|at| t_args("shop-cut-off-preview", &[("when", format_datetime(locale(), at, session.utc_offset()).into())]))
    };
    let cut_off_described = move || {
        let mut ids = vec!["cut-off-hint".to_owned()];
        if form.on("cut_off").is_some() {
            ids.push(field_error_id("cut_off"));
        }
        ids.join(" ")
    };
    let retry_buildings = Callback::new(move |_| load_buildings());
    let description_hint = Hint { id: "campaign-description-hint", text: Signal::derive(|| t("shop-field-description-hint")) };
    view! {
        <form id="campaign-form" novalidate on:submit=submit tabindex="-1">
            <FormAlert form/>
            <TextField form field="title" id="campaign-title" label="shop-field-title" value=title
                autocomplete="off" maxlength=limits::TITLE_MAX_CHARS/>
            <TextArea form field="description" id="campaign-description" label="shop-field-description" value=description rows=4
                hint=description_hint/>
            <ProductRows rows=products error=row_error uploading add=add_product/>
            <CampaignFieldError form field="products"/>

            <h2 id="group-heading">{tr("shop-group-heading")}</h2>
            <div class="field">
                <label for="min-households">{tr("shop-field-min-households")}</label>
                <input id="min-households" name="min_households" type="text" inputmode="numeric" autocomplete="off" required
                    aria-invalid=move || form.invalid("min_households")
                    aria-describedby=move || form.described_by("min_households", Some("min-households-hint"))
                    bind:value=min_households/>
                <p id="min-households-hint" class="hint">{tr("shop-min-households-hint")}</p>
                <CampaignFieldError form field="min_households"/>
            </div>
            <fieldset class="grants schedule" id="cut-off">
                <legend>{tr("shop-cut-off-legend")}</legend>
                <div class="field-pair">
                    <div class="field">
                        <label for="cut-off-date">{tr("shop-field-cut-off-date")}</label>
                        <input id="cut-off-date" name="cut_off_date" type="date" required
                            aria-invalid=move || form.invalid("cut_off") aria-describedby=cut_off_described
                            bind:value=cut_off_date/>
                    </div>
                    <div class="field">
                        <label for="cut-off-time">{tr("shop-field-cut-off-time")}</label>
                        <input id="cut-off-time" name="cut_off_time" type="time" required
                            aria-invalid=move || form.invalid("cut_off") aria-describedby=cut_off_described
                            bind:value=cut_off_time/>
                    </div>
                </div>
                <p id="cut-off-hint" class="hint">{zone_hint}</p>
                <p id="cut-off-preview" class="hint" aria-live="polite">{cut_off_preview}</p>
                <CampaignFieldError form field="cut_off"/>
            </fieldset>

            <h2 id="handover-heading" tabindex="-1">{tr("shop-handover-heading")}</h2>
            <p class="hint">{tr("shop-handover-intro")}</p>
            // Optional (deliveries may replace it), so not marked required as `TextField` would.
            <div class="field">
                <label for="pickup-point">{tr("shop-field-pickup-point")}</label>
                <input id="pickup-point" name="pickup_point" type="text" autocomplete="off"
                    maxlength=limits::PICKUP_POINT_MAX_CHARS.to_string()
                    aria-invalid=move || form.invalid("pickup_point")
                    aria-describedby=move || form.described_by("pickup_point", Some("pickup-point-hint"))
                    bind:value=pickup_point/>
                <p id="pickup-point-hint" class="hint">{tr("shop-pickup-point-hint")}</p>
                <CampaignFieldError form field="pickup_point"/>
            </div>
            <h3 id="batches-heading">{tr("shop-batches-heading")}</h3>
            {move || match buildings.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(code)) => view! { <ErrorBox code retry=retry_buildings/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <p class="empty">{tr("shop-batches-no-buildings")}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <BatchRows rows=batches buildings=StoredValue::new(list) error=row_error add=add_batch/>
                }.into_any(),
            }}
            <CampaignFieldError form field="batches"/>

            <button type="submit" id="publish-campaign" class="button primary big" disabled=move || busy.get() || (uploading.get() > 0)>
                {move || if busy.get() { t("busy") } else if uploading.get() > 0 { t("shop-wait-photos") } else { t("shop-publish") }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CST: i32 = 480;

    fn at(raw: &str) -> DateTime<Utc> {
        raw.parse().unwrap()
    }

    fn draft() -> CampaignDraft {
        CampaignDraft {
            title: " 周末鸡蛋团 ".into(),
            description: String::new(),
            products: vec![(0, ProductDraft { name: "土鸡蛋".into(), unit: "盒".into(), price: "28.8".into(), stock: "500".into(), limit: "2".into(), photo: None })],
            min_households: "10".into(),
            cut_off_date: "2026-12-05".into(),
            cut_off_time: "20:00".into(),
            pickup_point: " 东门快递柜旁 ".into(),
            batches: vec![],
        }
    }

    fn now() -> DateTime<Utc> {
        at("2026-12-01T00:00:00Z")
    }

    fn field_of(spoil: fn(&mut CampaignDraft)) -> Option<String> {
        let mut bad = draft();
        spoil(&mut bad);
        match build_campaign(&bad, CST, now()).unwrap_err() {
            EditorError::Form(error) => error.field,
            EditorError::Row(error) => Some(format!("row {} {}", error.row, error.field)),
        }
    }

    #[test]
    fn a_complete_form_is_a_campaign_in_fen_and_utc() {
        let campaign = build_campaign(&draft(), CST, now()).unwrap();
        assert_eq!(campaign.title, "周末鸡蛋团");
        assert_eq!(campaign.products[0].price_fen, 2_880);
        assert_eq!(campaign.cut_off, at("2026-12-05T12:00:00Z"));
        assert_eq!(campaign.pickup_point.as_deref(), Some("东门快递柜旁"));
        assert_eq!(campaign.min_households, 10);
    }

    #[test]
    fn the_first_wrong_thing_is_named_in_the_forms_order() {
        assert_eq!(field_of(|d| d.title = " ".into()).as_deref(), Some("title"));
        assert_eq!(field_of(|d| d.products.clear()).as_deref(), Some("products"));
        assert_eq!(field_of(|d| d.products[0].1.price = "abc".into()).as_deref(), Some("row 0 price"));
        assert_eq!(field_of(|d| d.min_households = "".into()).as_deref(), Some("min_households"));
        assert_eq!(field_of(|d| d.min_households = "0".into()).as_deref(), Some("min_households"));
        assert_eq!(field_of(|d| d.cut_off_time = "".into()).as_deref(), Some("cut_off"));
        assert_eq!(field_of(|d| d.cut_off_date = "2026-11-30".into()).as_deref(), Some("cut_off"), "in the past");
        assert_eq!(field_of(|d| d.cut_off_date = "2027-03-01".into()).as_deref(), Some("cut_off"), "beyond 60 days");
        assert_eq!(field_of(|d| d.pickup_point = "  ".into()).as_deref(), Some("pickup_point"), "no way to get the goods");
    }

    #[test]
    fn delivery_rounds_alone_are_a_way_to_get_the_goods() {
        let mut with_rounds = draft();
        with_rounds.pickup_point.clear();
        with_rounds.batches = vec![(7, BatchDraft { building: "2".into(), date: "2026-12-06".into(), start: "09:00".into(), end: "11:00".into() })];
        let campaign = build_campaign(&with_rounds, CST, now()).unwrap();
        assert_eq!((campaign.pickup_point, campaign.batches.len()), (None, 1));
        with_rounds.batches[0].1.date = "2026-12-05".into();
        assert_eq!(build_campaign(&with_rounds, CST, now()), Err(EditorError::Row(RowError::new(7, "start", Problem::BeforeCutOff))));
    }

    #[test]
    fn the_focus_goes_to_the_wrong_input_by_its_place() {
        let row = EditorError::Row(RowError::new(9, "price", Problem::PriceZero));
        assert_eq!(focus_id(&row, &[3, 9], &[]), "product-price-1");
        let batch = EditorError::Row(RowError::new(4, "end", Problem::EndBeforeStart));
        assert_eq!(focus_id(&batch, &[3], &[2, 4]), "batch-end-1");
        assert_eq!(focus_id(&EditorError::Form(ApiError::on_field(ErrorCode::InvalidValue, "cut_off")), &[], &[]), "cut-off-date");
    }

    #[test]
    fn some_errors_get_a_clearer_sentence() {
        assert_eq!(campaign_message("pickup_point", ErrorCode::FieldRequired), Some("shop-handover-required"));
        assert_eq!(campaign_message("cut_off", ErrorCode::InvalidValue), Some("shop-cut-off-invalid"));
        assert_eq!(campaign_message("title", ErrorCode::FieldRequired), None);
    }

    #[test]
    fn a_new_form_closes_orders_tomorrow_evening_in_the_community_zone() {
        // 17:00 UTC is already 01:00 the next day in Beijing: tomorrow is the day after that.
        assert_eq!(default_cut_off(at("2026-12-01T17:00:00Z"), CST), ("2026-12-03".into(), "20:00".into()));
    }
}
