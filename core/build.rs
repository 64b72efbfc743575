//! Checks which HDF5 hdf5-sys found and refuses versions h5lab cannot use.
//!
//! hdf5-sys (`links = "hdf5"`) publishes `version_X_Y_Z=1` metadata for every
//! release up to the one it linked; cargo hands it to us as `DEP_HDF5_VERSION_X_Y_Z`.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let bundled = std::env::var_os("CARGO_FEATURE_BUNDLED_HDF5").is_some();
    let system = std::env::var_os("CARGO_FEATURE_SYSTEM_HDF5").is_some();
    if bundled && system {
        panic!(
            "h5lab: features `bundled-hdf5` and `system-hdf5` exclude each other; \
             build with `--no-default-features --features system-hdf5` to link a system libhdf5"
        );
    }
    if std::env::var_os("DEP_HDF5_VERSION_1_12_0").is_none() {
        panic!("h5lab needs HDF5 >= 1.12 (the bundled 2.x, or a system libhdf5 of 1.12 or later)");
    }
    println!("cargo::rustc-check-cfg=cfg(hdf5_1_14)");
    if std::env::var_os("DEP_HDF5_VERSION_1_14_0").is_some() {
        println!("cargo::rustc-cfg=hdf5_1_14");
    }
    println!("cargo::rustc-check-cfg=cfg(hdf5_2)");
    if std::env::var_os("DEP_HDF5_VERSION_2_0_0").is_some() {
        println!("cargo::rustc-cfg=hdf5_2");
    }
}
