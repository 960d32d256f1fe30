//! Appointments: five services of the community's service centre, their slots filled day
//! by day back from two weeks ahead (about 170 bookings a working day) until the data set's
//! bookings are used up: future slots half full (pending approval where the service wants
//! it), today's served, at the desk or waiting, past ones served, missed, cancelled or
//! declined, each with its handling record. Today's desk has its queue numbers. Each slot's
//! places taken are counted from the bookings that hold one.

use std::collections::BTreeMap;

use chrono::{Duration, NaiveTime};
use linli_api::appointments::{Answer, BookingState, CaseEventKind, FieldKind, FormField, NewService, WeeklyHours};
use linli_api::ids::ServiceId;
use sqlx::AnyConnection;

use super::bulk::{row, Ids, Table};
use super::people::{Person, Town};
use super::Seeding;
use crate::appointments::rules::{local_date, slots_of_day, ticket_label, Schedule, SlotTime};
use crate::appointments::storage::insert_service;
use crate::db::to_millis;

const OFFSET_MINUTES: i32 = 480;
/// Days ahead residents may book, as far as the data set fills.
const DAYS_AHEAD: i64 = 13;

struct Service {
    id: ServiceId,
    settings: NewService,
}

fn services() -> Vec<NewService> {
    let time = |hour, minute| NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
    let office = |capacity| -> Vec<WeeklyHours> {
        let mut hours: Vec<WeeklyHours> = (1..=5)
            .flat_map(|weekday| {
                [
                    WeeklyHours { weekday, opens: time(9, 0), closes: time(11, 30), capacity },
                    WeeklyHours { weekday, opens: time(14, 0), closes: time(17, 0), capacity },
                ]
            })
            .collect();
        hours.push(WeeklyHours { weekday: 6, opens: time(9, 0), closes: time(11, 30), capacity });
        hours
    };
    let field = |label: &str, kind| FormField { label: label.into(), kind, required: true, options: vec![] };
    let service = |name: &str, approval, minutes, hours, prefix: &str| NewService {
        name: name.into(),
        description: format!("{name}，请带齐材料按预约时间到社区服务中心办理。"),
        documents: "本人身份证".into(),
        form: vec![field("身份证号", FieldKind::IdNumber), field("联系电话", FieldKind::Phone), field("备注", FieldKind::Text)],
        needs_approval: approval,
        duration_minutes: minutes,
        hours,
        closed_days: vec![],
        cancel_hours: 2,
        queue_prefix: prefix.into(),
    };
    vec![
        service("养老金资格认证", true, 30, office(4), "A"),
        service("居住证明开具", false, 20, office(3), "B"),
        service("社区活动室预约", false, 60, (1..=7).map(|weekday| WeeklyHours { weekday, opens: time(9, 0), closes: time(21, 0), capacity: 1 }).collect(), "C"),
        service("老年优待卡办理", false, 30, office(4), "D"),
        service("计划生育证明", false, 30, office(2), "E"),
    ]
}

/// A booking as planned: where, whose, in what state.
struct Planned {
    id: i64,
    service: usize,
    slot: SlotTime,
    resident: usize,
    state: BookingState,
}

pub async fn book(conn: &mut AnyConnection, seeding: &mut Seeding, town: &Town) -> Result<usize, sqlx::Error> {
    let mut services_made = Vec::new();
    for settings in services() {
        let code = crate::community::rules::new_invite_code(&mut seeding.rng);
        let id = insert_service(&mut *conn, town.community, &settings, &code, seeding.now).await?;
        services_made.push(Service { id, settings });
    }
    let first_booking = Ids::of(conn, "bookings").await?.take();
    let planned = plan(seeding, town, &services_made, first_booking);
    let mut rows = services_made.len();
    rows += slots(conn, &services_made, &planned).await?;
    rows += bookings(conn, seeding, town, &services_made, &planned).await?;
    rows += tickets(conn, seeding, &services_made, &planned).await?;
    super::bulk::continue_ids(conn, seeding.backend, &["services", "bookings", "case_events", "tickets"]).await?;
    Ok(rows)
}

fn schedule(service: &NewService) -> Schedule {
    Schedule { duration_minutes: service.duration_minutes, hours: service.hours.clone(), closed_days: service.closed_days.clone() }
}

/// Fills slots day by day, from the last bookable day back, until the bookings run out.
/// Each open booking of a service goes to a resident who has no other open one there.
fn plan(seeding: &Seeding, town: &Town, services: &[Service], first_id: i64) -> Vec<Planned> {
    let total = seeding.sizes.bookings;
    let now = seeding.now;
    let today = local_date(now, OFFSET_MINUTES);
    let residents = town.residents.len();
    let mut open_taken = vec![0_usize; services.len()];
    let mut planned = Vec::with_capacity(total);
    let mut date = today + Duration::days(DAYS_AHEAD);
    let mut past = 0_usize;
    while planned.len() < total && date > today - Duration::days(3_650) {
        for (s, service) in services.iter().enumerate() {
            for slot in slots_of_day(&schedule(&service.settings), date, OFFSET_MINUTES) {
                // Ahead, half the places are taken; today and before, all.
                let taken = if date > today { (slot.capacity as usize).div_ceil(2) } else { slot.capacity as usize };
                for _ in 0..taken {
                    if planned.len() == total {
                        break;
                    }
                    let state = state_of(slot, now, service.settings.needs_approval, planned.len());
                    let resident = if open(state) {
                        open_taken[s] += 1;
                        // Resident 0 (the benchmark's) takes the first open booking of each service.
                        if open_taken[s] > residents { continue } else { open_taken[s] - 1 }
                    } else {
                        past += 1;
                        (past * 13 + s) % residents
                    };
                    planned.push(Planned { id: 0, service: s, slot, resident, state });
                }
            }
        }
        date -= Duration::days(1);
    }
    // Oldest first, so that ids grow with time.
    planned.sort_by_key(|booking| (booking.slot.starts_at, booking.service));
    for (n, booking) in planned.iter_mut().enumerate() {
        booking.id = first_id + n as i64;
    }
    planned
}

fn open(state: BookingState) -> bool {
    matches!(state, BookingState::Pending | BookingState::Confirmed | BookingState::CheckedIn)
}

/// A booking's state by where its slot is from now; `n` spreads past outcomes.
fn state_of(slot: SlotTime, now: chrono::DateTime<chrono::Utc>, approval: bool, n: usize) -> BookingState {
    if slot.starts_at > now {
        return if approval && n.is_multiple_of(2) { BookingState::Pending } else { BookingState::Confirmed };
    }
    if slot.ends_at > now - Duration::hours(1) {
        return BookingState::CheckedIn;
    }
    match n % 20 {
        0 => BookingState::NoShow,
        1 => BookingState::Cancelled,
        2 if approval => BookingState::Rejected,
        _ => BookingState::Served,
    }
}

/// The slot rows: capacity from the schedule, places taken by the bookings holding one.
async fn slots(conn: &mut AnyConnection, services: &[Service], planned: &[Planned]) -> Result<usize, sqlx::Error> {
    let mut taken: BTreeMap<(usize, i64), (SlotTime, i64)> = BTreeMap::new();
    for booking in planned {
        let entry = taken.entry((booking.service, to_millis(booking.slot.starts_at))).or_insert((booking.slot, 0));
        entry.1 += i64::from(booking.state.holds_place());
    }
    let mut table = Table::new("service_slots", &["service_id", "starts_at", "ends_at", "capacity", "booked"]);
    for ((service, starts_at), (slot, booked)) in taken {
        table.add(conn, row![services[service].id.0, starts_at, to_millis(slot.ends_at), i64::from(slot.capacity), booked]).await?;
    }
    table.finish(conn).await
}

fn answers(resident: &Person, n: usize) -> String {
    let answers = vec![
        Some(Answer::IdNumber(format!("31010519{:02}0{:03}{:04}", 40 + n % 40, n % 1000, 1000 + n % 9000))),
        Some(Answer::Phone(format!("139{:08}", n % 100_000_000))),
        Some(Answer::Text(format!("{}本人办理", resident.name))),
    ];
    serde_json::to_string(&answers).unwrap_or_else(|_| "[]".into())
}

async fn bookings(conn: &mut AnyConnection, seeding: &Seeding, town: &Town, services: &[Service], planned: &[Planned]) -> Result<usize, sqlx::Error> {
    let mut event_ids = Ids::of(conn, "case_events").await?;
    let mut table = Table::new(
        "bookings",
        &["id", "community_id", "service_id", "resident_id", "resident_name", "booked_by", "starts_at", "ends_at", "state", "answers_json", "code",
          "reason", "booked_at", "rating_stars", "rating_comment", "rated_at"],
    );
    let mut events = Table::new("case_events", &["id", "booking_id", "kind", "actor_id", "actor_name", "detail", "at"]);
    let staff = &town.staff[0];
    for (n, booking) in planned.iter().enumerate() {
        let id = booking.id;
        let resident = &town.residents[booking.resident];
        let service = &services[booking.service];
        let starts = to_millis(booking.slot.starts_at);
        let booked_at = (starts - 3 * 86_400_000).min(seeding.now_millis() - 3_600_000);
        let reason = (booking.state == BookingState::Rejected).then_some("材料不全，请补齐后再预约");
        let rated = (booking.state == BookingState::Served && n % 3 == 0).then_some(to_millis(booking.slot.ends_at) + 3_600_000);
        // The code staff scan: eight digits, distinct within the service (here: everywhere).
        let code = format!("{:08}", (id as u64 * 7_907 + 11) % 100_000_000);
        let row = row![
            id, town.community.0, service.id.0, resident.id.0, resident.name.as_str(), resident.id.0, starts, to_millis(booking.slot.ends_at),
            booking.state.as_str(), answers(resident, n), code, reason, booked_at, rated.map(|_| 4 + (n % 2) as i64),
            rated.map(|_| "工作人员很耐心"), rated
        ];
        table.add(conn, row).await?;
        let mut record = |kind: CaseEventKind, actor: &Person, detail: &str, at: i64| {
            row![event_ids.take(), id, kind.as_str(), actor.id.0, actor.name.as_str(), detail, at]
        };
        let mut steps = vec![record(CaseEventKind::Booked, resident, "", booked_at)];
        if service.settings.needs_approval && booking.state != BookingState::Pending {
            let kind = if booking.state == BookingState::Rejected { CaseEventKind::Rejected } else { CaseEventKind::Approved };
            steps.push(record(kind, staff, reason.unwrap_or(""), booked_at + 3_600_000));
        }
        let outcome = match booking.state {
            BookingState::Served => Some(CaseEventKind::Served),
            BookingState::NoShow => Some(CaseEventKind::NoShow),
            BookingState::Cancelled => Some(CaseEventKind::Cancelled),
            BookingState::CheckedIn => Some(CaseEventKind::CheckedIn),
            _ => None,
        };
        if let Some(kind) = outcome {
            let actor = if kind == CaseEventKind::Cancelled { resident } else { staff };
            steps.push(record(kind, actor, "", starts.min(seeding.now_millis())));
        }
        for step in steps {
            events.add_under(conn, &mut table, step).await?;
        }
    }
    let rows = table.finish(conn).await?;
    Ok(rows + events.finish(conn).await?)
}

/// Today's queue numbers: every booking that checked in or was served today, in slot
/// order, and the day's last number per service.
async fn tickets(conn: &mut AnyConnection, seeding: &Seeding, services: &[Service], planned: &[Planned]) -> Result<usize, sqlx::Error> {
    let today = local_date(seeding.now, OFFSET_MINUTES);
    let mut ids = Ids::of(conn, "tickets").await?;
    let mut table = Table::new(
        "tickets",
        &["id", "service_id", "day", "number", "label", "booking_id", "name", "slot_starts_at", "issued_at", "state", "calls", "called_at",
          "done_at"],
    );
    let mut last_numbers: BTreeMap<usize, i64> = BTreeMap::new();
    for (n, booking) in planned.iter().enumerate() {
        let served = booking.state == BookingState::Served;
        if local_date(booking.slot.starts_at, OFFSET_MINUTES) != today || !(served || booking.state == BookingState::CheckedIn) {
            continue;
        }
        let number = last_numbers.entry(booking.service).or_default();
        *number += 1;
        let service = &services[booking.service];
        let starts = to_millis(booking.slot.starts_at);
        let issued = starts.min(seeding.now_millis()) - 600_000;
        let (state, called, done) = if served { ("served", Some(starts), Some(starts + 600_000)) } else { ("waiting", None, None) };
        let label = ticket_label(&service.settings.queue_prefix, *number);
        let name = format!("预约{}", n);
        table.add(conn, row![ids.take(), service.id.0, today.to_string(), *number, label, booking.id, name, starts, issued, state, i64::from(served), called, done]).await?;
    }
    let mut rows = table.finish(conn).await?;
    let mut days = Table::new("queue_days", &["service_id", "day", "last_number"]);
    for (service, last) in last_numbers {
        days.add(conn, row![services[service].id.0, today.to_string(), last]).await?;
    }
    rows += days.finish(conn).await?;
    Ok(rows)
}
