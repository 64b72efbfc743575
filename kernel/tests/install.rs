//! `h5lab-kernel install` / `uninstall` / `--help` as a user runs them, and Jupyter
//! (jupyter_client's KernelSpecManager) finding what install wrote.

mod support;

use std::process::Command;

use support::{expect_success, kernel_binary, test_python};

fn kernel(args: &[&str], envs: &[(&str, &std::path::Path)]) -> std::process::Output {
    let mut cmd = Command::new(kernel_binary());
    cmd.args(args).env_remove("VIRTUAL_ENV").env_remove("CONDA_PREFIX").env_remove("JUPYTER_DATA_DIR");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    cmd.output().expect("run h5lab-kernel")
}

#[test]
fn install_prefix_writes_kernel_json_with_the_absolute_binary_and_logos() {
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join("p");
    let out = kernel(&["install", "--prefix", prefix.to_str().unwrap()], &[]);
    expect_success(&out, "install");
    let dir = prefix.join("share/jupyter/kernels/h5lab");
    assert!(String::from_utf8_lossy(&out.stdout).contains(&dir.display().to_string()), "prints where");
    let spec: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("kernel.json")).unwrap()).unwrap();
    let argv0 = spec["argv"][0].as_str().unwrap();
    assert!(std::path::Path::new(argv0).is_absolute() && std::path::Path::new(argv0).is_file(), "{argv0}");
    assert_eq!(spec["argv"][1], "--connection-file");
    assert_eq!(spec["argv"][2], "{connection_file}");
    assert_eq!(spec["display_name"], "HDF5 (h5lab)");
    assert_eq!(spec["language"], "python");
    assert_eq!(spec["interrupt_mode"], "message");
    assert!(dir.join("logo-32x32.png").is_file() && dir.join("logo-64x64.png").is_file());

    let out = kernel(&["uninstall", "--prefix", prefix.to_str().unwrap()], &[]);
    expect_success(&out, "uninstall");
    assert!(!dir.exists());
    assert!(!kernel(&["uninstall", "--prefix", prefix.to_str().unwrap()], &[]).status.success());
}

#[test]
fn install_user_and_sys_prefix_follow_the_environment() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let out = kernel(&["install", "--user", "--name", "h5lab-u", "--display-name", "HDF5 test"], &[("JUPYTER_DATA_DIR", &data)]);
    expect_success(&out, "install --user");
    let spec = std::fs::read_to_string(data.join("kernels/h5lab-u/kernel.json")).unwrap();
    assert!(spec.contains("\"HDF5 test\""), "{spec}");

    let home = tmp.path().join("home");
    let out = kernel(&["install"], &[("HOME", &home), ("XDG_DATA_HOME", &home.join("xdg"))]);
    expect_success(&out, "install (default --user)");
    if cfg!(target_os = "linux") {
        assert!(home.join("xdg/jupyter/kernels/h5lab/kernel.json").is_file());
    }

    let venv = tmp.path().join("venv");
    let out = kernel(&["install", "--sys-prefix"], &[("VIRTUAL_ENV", &venv)]);
    expect_success(&out, "install --sys-prefix");
    assert!(venv.join("share/jupyter/kernels/h5lab/kernel.json").is_file());
}

#[test]
fn bad_arguments_are_refused_with_help() {
    for args in [&["install", "--user", "--prefix", "x"][..], &["--bogus"], &["install", "--name", "../x"], &["-f"]] {
        let out = kernel(args, &[]);
        assert!(!out.status.success(), "{args:?} accepted");
        assert!(!String::from_utf8_lossy(&out.stderr).is_empty());
    }
}

#[test]
fn help_documents_every_command() {
    let out = kernel(&["--help"], &[]);
    expect_success(&out, "--help");
    let help = String::from_utf8_lossy(&out.stdout);
    for needle in ["--connection-file", "-f", "install", "uninstall", "--user", "--sys-prefix", "--prefix", "--name"] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}

#[test]
fn a_connection_file_that_cannot_be_used_is_an_error_not_a_hang() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("k.json");
    std::fs::write(&file, r#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "key": "k", "signature_scheme": "hmac-md5"}"#).unwrap();
    let out = kernel(&["-f", file.to_str().unwrap()], &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("hmac-md5"));
    let out = kernel(&["--connection-file", tmp.path().join("missing.json").to_str().unwrap()], &[]);
    assert!(!out.status.success());
}

#[test]
fn jupyter_finds_the_installed_kernelspec() {
    let Some(python) = test_python() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let prefix = tmp.path().join("p");
    expect_success(&kernel(&["install", "--prefix", prefix.to_str().unwrap()], &[]), "install");
    let script = "from jupyter_client.kernelspec import KernelSpecManager\n\
                  spec = KernelSpecManager().get_kernel_spec('h5lab')\n\
                  print(spec.display_name, spec.language, spec.interrupt_mode)";
    let out = Command::new(python)
        .args(["-c", script])
        .env("JUPYTER_PATH", prefix.join("share/jupyter"))
        .env("JUPYTER_DATA_DIR", tmp.path().join("data"))
        .env("JUPYTER_PLATFORM_DIRS", "1")
        .output()
        .expect("python");
    expect_success(&out, "KernelSpecManager");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "HDF5 (h5lab) python message");
}
