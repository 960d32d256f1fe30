//! The tour's appointments: the resident's confirmed booking of the residence certificate,
//! the owner's booking of the pension check waiting for staff, and a service open round the
//! clock (so the tour can check in at any hour) where the resident holds a queue number
//! behind a walk-in that staff called.

use chrono::{NaiveTime, Utc};
use linli_api::appointments::{Answer, CheckIn, FieldKind, FormField, NewBooking, NewService, Service, SlotQuery, WalkIn, WeeklyHours};
use linli_api::ids::ServiceId;
use linli_api::Client;

/// A valid resident identity card number (its last character is the checksum).
pub const ID_NUMBER: &str = "11010519491231002X";

/// What the screens of appointments stand on.
pub struct Appointments {
    /// `{service}`: the demo's pension check, with a form and staff approval.
    pub service: i64,
    /// `{booking}`: the resident's confirmed booking (its code and the check-in form).
    pub booking: i64,
    /// `{pending_booking}`: the owner's pension check booking, waiting for staff.
    pub pending_booking: i64,
    /// `{desk_service}`: the round-the-clock service with a queue today.
    pub desk_service: i64,
    /// `{ticket_booking}`: the resident's booking there, checked in, with a queue number.
    pub ticket_booking: i64,
}

/// Opening hours every day from midnight to 23:30, cut into 30-minute slots: the next slot
/// always starts within the hour, so its check-in is always open.
pub fn round_the_clock(name: &str, needs_approval: bool, form: Vec<FormField>) -> NewService {
    let time = |hour, minute| NaiveTime::from_hms_opt(hour, minute, 0).expect("a clock time");
    NewService {
        name: name.into(),
        description: "工作人员轮班值守，随到随办。".into(),
        documents: "身份证".into(),
        form,
        needs_approval,
        duration_minutes: 30,
        hours: (1..=7).map(|weekday| WeeklyHours { weekday, opens: time(0, 0), closes: time(23, 30), capacity: 5 }).collect(),
        closed_days: vec![],
        cancel_hours: 0,
        queue_prefix: "D".into(),
    }
}

/// The first slot with a free place in the next days.
pub async fn first_free_slot(api: &Client, service: ServiceId) -> chrono::DateTime<Utc> {
    let days = api.service_slots(service, &SlotQuery { from: None, days: Some(3) }).await.expect("the service's slots");
    days.iter().flat_map(|day| &day.slots).find(|slot| slot.free > 0).expect("a free place").starts_at
}

fn named<'a>(services: &'a [Service], name: &str) -> &'a Service {
    services.iter().find(|service| service.name == name).unwrap_or_else(|| panic!("the demo's service {name}"))
}

pub async fn prepare(staff: &Client, owner: &Client, resident: &Client) -> Appointments {
    let services = staff.services().await.expect("the services");
    let pension = named(&services, "养老金资格认证");
    let certificate = named(&services, "居住证明开具");

    let id_number = || Some(Answer::IdNumber(ID_NUMBER.into()));
    let pension_booking =
        NewBooking { slot_starts_at: first_free_slot(owner, pension.id).await, answers: vec![id_number(), Some(Answer::SingleChoice(0)), None] };
    let pending_booking = owner.book(pension.id, &pension_booking).await.expect("the owner books the pension check").id;
    let certificate_booking = NewBooking {
        slot_starts_at: first_free_slot(resident, certificate.id).await,
        answers: vec![id_number(), Some(Answer::Text("办理居住证续签".into()))],
    };
    let booking = resident.book(certificate.id, &certificate_booking).await.expect("the resident books a certificate").id;

    let desk = staff.create_service(&round_the_clock("政策咨询", false, vec![])).await.expect("staff open a service");
    staff.walk_in(desk.id, &WalkIn { name: "赵大爷".into() }).await.expect("a walk-in gets a number");
    staff.call_next(desk.id).await.expect("staff call the walk-in");
    let ticket_booking = NewBooking { slot_starts_at: first_free_slot(resident, desk.id).await, answers: vec![] };
    let ticket_booking = resident.book(desk.id, &ticket_booking).await.expect("the resident books the desk").id;
    let desk_code = desk.desk_code.clone().expect("staff see the desk's code");
    resident.check_in(ticket_booking, &CheckIn { desk_code }).await.expect("the resident checks in");

    Appointments {
        service: pension.id.0,
        booking: booking.0,
        pending_booking: pending_booking.0,
        desk_service: desk.id.0,
        ticket_booking: ticket_booking.0,
    }
}

/// A form with the kinds a resident fills most: an ID number and a choice.
pub fn pension_like_form() -> Vec<FormField> {
    vec![
        FormField { label: "身份证号".into(), kind: FieldKind::IdNumber, required: true, options: vec![] },
        FormField { label: "办理方式".into(), kind: FieldKind::SingleChoice, required: true, options: vec!["本人办理".into(), "家属代办".into()] },
    ]
}
