//! The tour's problem reports: the resident's public case about the common areas, with a
//! photo, that the property company accepted and resolved with a note and a photo (the
//! resident confirms or reopens it); the owner's public safety case waiting for the residents'
//! committee (the resident says "me too" on it, staff accept, pass on or merge it); and the
//! owner's private repair at home that the property manager is working on (his page has the
//! form to resolve it).

use linli_api::reports::{NewReport, ReportCategory, ResolveReport};
use linli_api::Client;

/// What the screens of problem reports stand on.
pub struct Reports {
    /// `{resolved_report}`: the resident's case, resolved, waiting for the resident.
    pub resolved_report: i64,
    /// `{waiting_report}`: the owner's public safety case, waiting to be accepted.
    pub waiting_report: i64,
    /// `{handled_report}`: the owner's private repair, under way with the property manager.
    pub handled_report: i64,
}

fn report(category: ReportCategory, location: &str, description: &str, public: bool) -> NewReport {
    NewReport { category, location: location.into(), description: description.into(), photos: vec![], public }
}

pub async fn prepare(property: &Client, owner: &Client, resident: &Client) -> Reports {
    let mut light = report(ReportCategory::CommonAreas, "5栋2单元楼道", "三楼楼道的灯坏了一个星期，晚上上下楼看不清台阶。", true);
    light.photos = vec![super::upload_photo(resident).await];
    let light = resident.report_problem(&light).await.expect("the resident reports a broken light").summary.id;
    property.accept_report(light).await.expect("the property company accepts it");
    let resolution = ResolveReport { note: "已更换为声控灯，并检查了同层线路。".into(), photos: vec![super::upload_photo(property).await] };
    property.resolve_report(light, &resolution).await.expect("the property company resolves it");

    let cover = report(ReportCategory::Safety, "东门岗亭旁", "路边的井盖不见了，晚上很危险，已经有人差点踩空。", true);
    let cover = owner.report_problem(&cover).await.expect("the owner reports a missing manhole cover").summary.id;

    let tap = report(ReportCategory::HomeRepair, "1栋1单元101 卫生间", "洗手池下面的水龙头一直滴水。", false);
    let tap = owner.report_problem(&tap).await.expect("the owner reports a dripping tap").summary.id;
    property.accept_report(tap).await.expect("the property manager accepts it");
    property.start_report(tap).await.expect("and starts the work");

    Reports { resolved_report: light.0, waiting_report: cover.0, handled_report: tap.0 }
}
