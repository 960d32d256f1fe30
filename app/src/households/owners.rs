//! The owners of record in the household editor: a row per owner (name and phone), added and
//! removed. A phone on record is only ever seen masked; its row sends `keep_phone_of` (its
//! place on record, so a corrected name keeps the phone) unless staff type a new number.

use leptos::prelude::*;
use linli_api::auth::limits::NAME_MAX_CHARS;
use linli_api::register::limits::OWNERS_MAX;
use linli_api::register::{Owner, OwnerInput};
use linli_api::{ApiError, ErrorCode, PhoneNumber};

use super::household::{FIELDS, Sentence};
use crate::i18n::{t, t_args, tr};
use crate::layout::FormError;
use crate::native::focus_soon;

/// An owner's row, as signals; `recorded` is the masked phone on record, if any, and
/// `position` the row's place among the owners on record (None for an added row).
#[derive(Clone, Copy)]
pub struct OwnerRow {
    pub key: u32,
    pub name: RwSignal<String>,
    pub phone: RwSignal<String>,
    pub recorded: RwSignal<Option<String>>,
    pub position: Option<u32>,
}

impl OwnerRow {
    pub fn of(key: u32, position: usize, owner: &Owner) -> Self {
        OwnerRow {
            key,
            name: RwSignal::new(owner.name.clone()),
            phone: RwSignal::new(String::new()),
            recorded: RwSignal::new(owner.phone_masked.clone()),
            position: u32::try_from(position).ok(),
        }
    }

    pub fn blank(key: u32) -> Self {
        OwnerRow { key, name: RwSignal::new(String::new()), phone: RwSignal::new(String::new()), recorded: RwSignal::new(None), position: None }
    }

    /// What the row sends, or its first wrong field (`owners[N].name`, `owners[N].phone`).
    pub fn input(&self, index: usize) -> Result<OwnerInput, ApiError> {
        let kept = self.position.filter(|_| self.recorded.get_untracked().is_some());
        typed_owner(index, &self.name.get_untracked(), &self.phone.get_untracked(), kept)
    }
}

/// An owner as typed: a name, and a new phone, none, or the one on record at `kept` kept.
pub fn typed_owner(index: usize, name: &str, phone: &str, kept: Option<u32>) -> Result<OwnerInput, ApiError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(ApiError::on_field(ErrorCode::FieldRequired, owner_field(index, "name")));
    }
    let phone = phone.trim();
    if phone.is_empty() {
        return Ok(OwnerInput { name: name.to_owned(), phone: None, keep_phone_of: kept });
    }
    match PhoneNumber::parse(phone) {
        Some(phone) => Ok(OwnerInput { name: name.to_owned(), phone: Some(phone.as_str().to_owned()), keep_phone_of: None }),
        None => Err(ApiError::on_field(ErrorCode::InvalidPhone, owner_field(index, "phone"))),
    }
}

/// An owner's field as the server names it: `owners[2].phone`.
pub fn owner_field(index: usize, part: &str) -> &'static str {
    let name = format!("owners[{index}].{part}");
    FIELDS.iter().find(|field| **field == name).copied().unwrap_or("owners")
}

#[component]
pub fn OwnerRows(rows: RwSignal<Vec<OwnerRow>>, form: FormError, next_key: RwSignal<u32>) -> impl IntoView {
    let full = move || rows.with(Vec::len) >= OWNERS_MAX;
    let add = move |_| {
        let key = next_key.get_untracked();
        next_key.set(key + 1);
        rows.update(|rows| rows.push(OwnerRow::blank(key)));
        let index = rows.with_untracked(Vec::len) - 1;
        focus_soon(&format!("#owner-{index}-name"));
    };
    view! {
        <fieldset class="owners" id="household-owners" aria-describedby="household-owners-hint">
            <legend>{tr("households-owners-legend")}</legend>
            <p class="hint" id="household-owners-hint">{tr("households-owners-hint")}</p>
            <Sentence form field="owners"/>
            <ul class="editor-rows">
                <For each=move || rows.get() key=|row| row.key let:row>
                    <OwnerFields row rows form/>
                </For>
            </ul>
            {move || rows.with(Vec::is_empty).then(|| view! { <p class="hint" id="owners-none">{tr("households-owners-none")}</p> })}
            {move || (!full()).then(|| view! {
                <button type="button" class="button" id="owner-add" on:click=add>{tr("households-owner-add")}</button>
            })}
        </fieldset>
    }
}

#[component]
fn OwnerFields(row: OwnerRow, rows: RwSignal<Vec<OwnerRow>>, form: FormError) -> impl IntoView {
    let key = row.key;
    let index = Memo::new(move |_| rows.with(|rows| rows.iter().position(|r| r.key == key).unwrap_or(0)));
    let legend = Signal::derive(move || t_args("households-owner-legend", &[("number", (index.get() + 1).into())]));
    let name_field = Signal::derive(move || owner_field(index.get(), "name"));
    let phone_field = Signal::derive(move || owner_field(index.get(), "phone"));
    let error_id = move |field: &str| format!("{}-error", field.replace(['[', ']', '.', '_'], "-").replace("--", "-"));
    let described = move |field: Signal<&'static str>, hint: Option<String>| {
        let mut ids: Vec<String> = hint.into_iter().collect();
        if form.on(field.get()).is_some() {
            ids.push(error_id(field.get()));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    let phone_hint_id = move || format!("owner-{}-phone-hint", index.get());
    let phone_hint = move || match row.recorded.get() {
        Some(masked) => t_args("households-owner-phone-kept", &[("phone", masked.into())]),
        None => t("households-owner-phone-hint"),
    };
    let remove = move |_| {
        rows.update(|rows| rows.retain(|r| r.key != key));
        // The errors name rows by place, which now holds another row.
        if form.on(owner_field(index.get_untracked(), "name")).is_some() || form.on(owner_field(index.get_untracked(), "phone")).is_some() {
            form.clear();
        }
        focus_soon("#owner-add");
    };
    view! {
        <li class="editor-row">
            <fieldset id=move || format!("owner-{}", index.get())>
                <legend>{move || legend.get()}</legend>
                <div class="field">
                    <label for=move || format!("owner-{}-name", index.get())>
                        {tr("households-owner-name")}<span class="visually-hidden">" "{move || legend.get()}</span>
                    </label>
                    <input id=move || format!("owner-{}-name", index.get()) name=move || name_field.get() type="text" autocomplete="off"
                        required maxlength=NAME_MAX_CHARS.to_string()
                        aria-invalid=move || form.on(name_field.get()).map(|_| "true")
                        aria-describedby=move || described(name_field, None)
                        bind:value=row.name/>
                    <OwnerError form field=name_field error_id=Signal::derive(move || error_id(name_field.get()))/>
                </div>
                <div class="field">
                    <label for=move || format!("owner-{}-phone", index.get())>
                        {tr("households-owner-phone-label")}<span class="visually-hidden">" "{move || legend.get()}</span>
                    </label>
                    <input id=move || format!("owner-{}-phone", index.get()) name=move || phone_field.get() type="tel" inputmode="tel"
                        autocomplete="off" maxlength="20"
                        aria-invalid=move || form.on(phone_field.get()).map(|_| "true")
                        aria-describedby=move || described(phone_field, Some(phone_hint_id()))
                        bind:value=row.phone/>
                    <p class="hint" id=phone_hint_id>{phone_hint}</p>
                    <OwnerError form field=phone_field error_id=Signal::derive(move || error_id(phone_field.get()))/>
                </div>
                <button type="button" class="button danger" id=move || format!("owner-{}-remove", index.get()) on:click=remove>
                    {tr("households-owner-remove")}<span class="visually-hidden">" "{move || legend.get()}</span>
                </button>
            </fieldset>
        </li>
    }
}

/// The sentence about one of a row's fields, while the form's error is about it.
#[component]
fn OwnerError(form: FormError, field: Signal<&'static str>, error_id: Signal<String>) -> impl IntoView {
    move || {
        form.on(field.get()).map(|code| {
            view! { <p id=move || error_id.get() class="field-error" role="alert">{move || crate::layout::error_text(code)}</p> }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_masked_phone_on_record_is_kept_unless_a_new_one_is_typed() {
        let kept = typed_owner(0, " 王建国 ", "", Some(2)).unwrap();
        assert_eq!(kept, OwnerInput { name: "王建国".into(), phone: None, keep_phone_of: Some(2) });
        let new = typed_owner(0, "王建国", "139 0000 0009", Some(2)).unwrap();
        assert_eq!(new, OwnerInput { name: "王建国".into(), phone: Some("13900000009".into()), keep_phone_of: None });
        let none = typed_owner(1, "杨丽", "", None).unwrap();
        assert_eq!(none, OwnerInput { name: "杨丽".into(), phone: None, keep_phone_of: None });
    }

    #[test]
    fn wrong_fields_are_named_as_the_server_names_them() {
        assert_eq!(typed_owner(2, " ", "", None), Err(ApiError::on_field(ErrorCode::FieldRequired, "owners[2].name")));
        assert_eq!(typed_owner(5, "杨丽", "12345", None), Err(ApiError::on_field(ErrorCode::InvalidPhone, "owners[5].phone")));
        for index in 0..OWNERS_MAX {
            assert_eq!(owner_field(index, "name"), format!("owners[{index}].name"));
            assert_eq!(owner_field(index, "phone"), format!("owners[{index}].phone"));
        }
    }
}
