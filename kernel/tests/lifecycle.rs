//! The kernel process's life without a Jupyter client: it ends with the server that
//! started it.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

fn free_ports(n: usize) -> Vec<u16> {
    let listeners: Vec<_> = (0..n).map(|_| std::net::TcpListener::bind("127.0.0.1:0").expect("bind")).collect();
    listeners.iter().map(|l| l.local_addr().expect("addr").port()).collect()
}

fn gone(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        // a zombie waiting for its new parent to reap it has exited too
        Ok(stat) => stat.rsplit(')').next().is_some_and(|rest| rest.trim_start().starts_with('Z')),
    }
}

#[test]
#[cfg(target_os = "linux")]
fn a_kernel_whose_jupyter_server_died_exits() {
    let tmp = tempfile::tempdir().unwrap();
    let ports = free_ports(5);
    let file = tmp.path().join("kernel.json");
    let info = serde_json::json!({
        "shell_port": ports[0], "iopub_port": ports[1], "stdin_port": ports[2],
        "control_port": ports[3], "hb_port": ports[4], "ip": "127.0.0.1", "key": "k",
        "transport": "tcp", "signature_scheme": "hmac-sha256",
    });
    std::fs::write(&file, info.to_string()).unwrap();
    // The "server" starts the kernel and dies a second later.
    let script = format!("'{}' -f '{}' 2>/dev/null & echo $!; sleep 1", support::kernel_binary().display(), file.display());
    let out = Command::new("sh").args(["-c", &script]).env("JPY_PARENT_PID", "1").output().expect("sh");
    let pid: u32 = String::from_utf8_lossy(&out.stdout).trim().parse().expect("kernel pid");
    let deadline = Instant::now() + Duration::from_secs(6);
    while !gone(pid) {
        if Instant::now() > deadline {
            let _ = Command::new("kill").arg("-9").arg(pid.to_string()).status();
            panic!("kernel {pid} outlived its parent");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
