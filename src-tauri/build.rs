fn main() {
    // The Tauri config lives at the repository root (see the design card), so point
    // tauri-build at it; `build.frontendDist` in it is then relative to the root.
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("failed to run tauri-build");
}
