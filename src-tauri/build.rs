fn main() {
    // The Tauri config lives at the repository root (see the design card), so point
    // tauri-build at it; `build.frontendDist` in it is then relative to the root.
    //
    // The app's own commands are declared, so each gets an `allow-<command>` permission and
    // a window may call only those its capabilities grant (least privilege).
    let manifest = tauri_build::AppManifest::new().commands(&["notify", "speak", "stop_speaking"]);
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .config_path("../tauri.conf.json")
            .app_manifest(manifest),
    )
    .expect("failed to run tauri-build");
}
