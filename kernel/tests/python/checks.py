"""Protocol checks of h5lab-kernel through a real jupyter_client (and raw pyzmq).

Run one check:  python checks.py NAME   (the kernelspec "h5lab" must be on JUPYTER_PATH)
Each check starts its own kernel, asserts, and prints "ok NAME". The Rust tests in
kernel/tests/jupyter_client.rs run them one by one.

They hold with the interpreter still missing (every execute raises
NotImplementedError): counting, history, aborting and signing do not depend on what a
cell does.
"""
import datetime
import re
import os
import signal
import socket
import sys
import time
from html.parser import HTMLParser
from queue import Empty

import zmq
from jupyter_client.manager import KernelManager

KERNEL = os.environ.get("H5LAB_KERNEL_NAME", "h5lab")
TIMEOUT = 10
CHECKS = {}


def check(fn):
    CHECKS[fn.__name__] = fn
    return fn


# ------------------------------------------------------------------ helpers


def start(**kw):
    km = KernelManager(kernel_name=KERNEL, **kw)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    drain(kc)
    return km, kc


def stop(km, kc):
    kc.stop_channels()
    if km.is_alive():
        km.shutdown_kernel()
    km.cleanup_resources()


def drain(kc, wait=0.2):
    while True:
        try:
            kc.get_iopub_msg(timeout=wait)
        except Empty:
            return


def reply_to(kc, msg_id, channel="shell", timeout=TIMEOUT):
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = get(timeout=timeout)
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
    raise AssertionError(f"no reply to {msg_id}")


def iopub_of(kc, msg_id, timeout=TIMEOUT):
    """The iopub messages caused by a request, busy to idle."""
    out = []
    deadline = time.time() + timeout
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        out.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return out
    raise AssertionError(f"no idle for {msg_id}: {[m['msg_type'] for m in out]}")


def types(msgs):
    return [m["msg_type"] if m["msg_type"] != "status" else m["content"]["execution_state"] for m in msgs]


def execute(kc, code="1", **kw):
    msg_id = kc.execute(code, **kw)
    reply = reply_to(kc, msg_id)
    return reply, iopub_of(kc, msg_id)


def raw_socket(km, channel="shell", identity=None):
    sock = getattr(km, f"connect_{channel}")(identity=identity)
    sock.setsockopt(zmq.LINGER, 0)
    return sock


def raw_reply(km, sock, timeout=TIMEOUT):
    """The next message on a raw DEALER socket, or None after timeout."""
    if not sock.poll(int(timeout * 1000)):
        return None
    frames = sock.recv_multipart()
    _, frames = km.session.feed_identities(frames)
    return km.session.deserialize(frames)


def heartbeat_ok(km):
    sock = zmq.Context.instance().socket(zmq.REQ)
    sock.setsockopt(zmq.LINGER, 0)
    sock.connect(km._make_url("hb"))
    sock.send(b"ping")
    ok = sock.poll(3000) and sock.recv() == b"ping"
    sock.close()
    return bool(ok)


def history(kc, **content):
    msg_id = kc.history(**content)
    return reply_to(kc, msg_id)["content"]


def pid_of(km):
    return km.provisioner.process.pid


def wait_exit(km, seconds):
    process = km.provisioner.process
    try:
        return process.wait(timeout=seconds)
    except Exception:
        return None


# ------------------------------------------------------------------ checks


@check
def kernel_info(km, kc):
    msg_id = kc.kernel_info()
    reply = reply_to(kc, msg_id)
    c = reply["content"]
    assert c["status"] == "ok", c
    assert c["protocol_version"] == "5.3", c
    assert c["implementation"] == "h5lab" and c["implementation_version"], c
    li = c["language_info"]
    assert li["name"] == "python" and li["version"].startswith("3."), li
    assert li["mimetype"] == "text/x-python" and li["file_extension"] == ".py", li
    assert li["pygments_lexer"] == "ipython3" and li["nbconvert_exporter"] == "python", li
    assert li["codemirror_mode"] == {"name": "ipython", "version": 3}, li
    assert "h5lab" in c["banner"] and c["debugger"] is False, c
    urls = " ".join(link["url"] for link in c["help_links"])
    assert "h5py" in urls and "hdfgroup" in urls, c["help_links"]
    h = reply["header"]
    assert h["version"] == "5.3", h
    assert isinstance(h["date"], datetime.datetime), f"date not parsed: {h['date']!r}"
    assert h["session"] != kc.session.session, "the kernel must use its own session id"
    busy_idle = iopub_of(kc, msg_id)
    assert types(busy_idle) == ["busy", "idle"], types(busy_idle)
    # on control as well
    msg = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(msg)
    reply = reply_to(kc, msg["header"]["msg_id"], channel="control")
    assert reply["content"]["implementation"] == "h5lab"
    assert types(iopub_of(kc, msg["header"]["msg_id"])) == ["busy", "idle"]
    # the session id stays the kernel's for its life
    assert reply["header"]["session"] == h["session"]


@check
def is_complete_blank(km, kc):
    for code in ["", "   ", "\n"]:
        msg_id = kc.is_complete(code)
        c = reply_to(kc, msg_id)["content"]
        assert c["status"] == "complete", (code, c)


@check
def complete_and_inspect_reply_shapes(km, kc):
    msg_id = kc.complete("f.attr", 3)
    c = reply_to(kc, msg_id)["content"]
    assert c["status"] == "ok" and isinstance(c["matches"], list), c
    assert c["cursor_start"] <= c["cursor_end"] <= 3, c
    # ipykernel's experimental completion types, one per match (or no metadata at all)
    assert set(c["metadata"]) <= {"_jupyter_types_experimental"}, c
    typed = c["metadata"].get("_jupyter_types_experimental", [])
    assert [t["text"] for t in typed] == c["matches"], c
    msg_id = kc.inspect("len", 3)
    c = reply_to(kc, msg_id)["content"]
    assert c["status"] == "ok" and isinstance(c["found"], bool) and isinstance(c["data"], dict), c


@check
def shutdown_without_restart(km, kc):
    pid = pid_of(km)
    msg_id = kc.shutdown(restart=False)
    reply = reply_to(kc, msg_id, channel="control")
    assert reply["content"] == {"status": "ok", "restart": False}, reply["content"]
    seen = [m["content"] for m in iopub_of(kc, msg_id) if m["msg_type"] == "shutdown_reply"]
    assert seen == [{"status": "ok", "restart": False}], seen
    code = wait_exit(km, 2)
    assert code == 0, f"kernel {pid} did not exit cleanly within 2 s: {code}"


@check
def shutdown_through_the_manager(km, kc):
    t = time.time()
    km.shutdown_kernel()
    spent = time.time() - t
    assert not km.is_alive()
    assert spent < 2.0, f"shutdown took {spent:.2f} s (SIGTERM would have been needed)"


@check
def shutdown_with_restart(km, kc):
    execute(kc, "1")
    execute(kc, "2")
    old_pid = pid_of(km)
    # the reply echoes the flag
    msg = kc.session.msg("shutdown_request", {"restart": True})
    sock = raw_socket(km, "control")
    km.session.send(sock, msg)
    reply = raw_reply(km, sock)
    assert reply and reply["content"] == {"status": "ok", "restart": True}, reply
    sock.close()
    assert wait_exit(km, 2) == 0
    # the manager's restart gives a fresh kernel: fresh count and history
    km.restart_kernel()
    assert pid_of(km) != old_pid
    kc.stop_channels()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    reply, _ = execute(kc, "3")
    assert reply["content"]["execution_count"] == 1, reply["content"]
    h = history(kc, hist_access_type="tail", n=10, output=False, raw=True)
    assert [e[2] for e in h["history"]] == ["3"], h
    return km, kc


@check
def manager_restart(km, kc):
    old = pid_of(km)
    km.restart_kernel()
    assert pid_of(km) != old
    kc.stop_channels()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    msg_id = kc.kernel_info()
    assert reply_to(kc, msg_id)["content"]["implementation"] == "h5lab"
    return km, kc


@check
def tampered_signature_is_not_executed(km, kc):
    sock = raw_socket(km, "shell")
    msg = km.session.msg("execute_request", {"code": "tampered", "silent": False, "store_history": True,
                                             "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    frames = km.session.serialize(msg)
    # flip the content after signing
    frames[-1] = frames[-1].replace(b"tampered", b"Tampered")
    sock.send_multipart(frames)
    # a wrong signature altogether
    frames = km.session.serialize(km.session.msg("execute_request", {"code": "forged"}))
    frames[1] = b"0" * 64
    sock.send_multipart(frames)
    # no signature
    frames = km.session.serialize(km.session.msg("execute_request", {"code": "unsigned"}))
    frames[1] = b""
    sock.send_multipart(frames)
    assert raw_reply(km, sock, timeout=1) is None, "a tampered request got a reply"
    # a replayed message runs once
    frames = km.session.serialize(km.session.msg("execute_request", {"code": "replayed", "store_history": True}))
    sock.send_multipart(frames)
    first = raw_reply(km, sock)
    assert first and first["content"]["execution_count"] == 1, first
    sock.send_multipart(frames)
    assert raw_reply(km, sock, timeout=1) is None, "a replayed request got a reply"
    sock.close()
    # a good request still runs, and is the second cell ever counted
    reply, out = execute(kc, "good")
    assert reply["content"]["execution_count"] == 2, reply["content"]
    h = history(kc, hist_access_type="tail", n=10, output=False, raw=True)
    assert [e[2] for e in h["history"]] == ["replayed", "good"], h
    # tampered control messages are dropped too: the kernel keeps running
    ctrl = raw_socket(km, "control")
    frames = km.session.serialize(km.session.msg("shutdown_request", {"restart": False}))
    frames[1] = b"f" * 64
    ctrl.send_multipart(frames)
    assert raw_reply(km, ctrl, timeout=1) is None
    ctrl.close()
    assert km.is_alive()


@check
def garbage_does_not_kill_the_kernel(km, kc):
    shell = raw_socket(km, "shell")
    control = raw_socket(km, "control")
    stdin = raw_socket(km, "stdin")
    good = km.session.serialize(km.session.msg("kernel_info_request", {}))
    for sock in (shell, control, stdin):
        sock.send(b"\x00\xff garbage")
        sock.send_multipart([b"no", b"delimiter", b"here"])
        sock.send_multipart([b"<IDS|MSG>"])
        sock.send_multipart(good[:3])  # truncated: delimiter, signature, header
        sock.send_multipart([b"<IDS|MSG>", b"", b"", b"", b"", b""])
        sock.send_multipart([b"<IDS|MSG>", b"zz", b"{", b"{}", b"{}", b"{}"])
        sock.send_multipart([b"<IDS|MSG>"] + [os.urandom(1000)] * 5 + [os.urandom(100000)])
    # signed, but the header is not JSON: dropped
    def signed(header, content, parent=b"{}", metadata=b"{}"):
        sig = km.session.sign([header, parent, metadata, content]) if km.session.auth else b""
        return [b"<IDS|MSG>", sig, header, parent, metadata, content]

    shell.send_multipart(signed(b"not json", b"{}"))
    shell.send_multipart(signed(b"[1, 2]", b"{}"))
    assert raw_reply(km, shell, timeout=1) is None
    # signed, header fine, content not JSON / wrong shape: an error reply, not silence
    header = km.session.msg_header("execute_request")
    hdr = km.session.pack(header)
    shell.send_multipart(signed(hdr, b"{not json"))
    reply = raw_reply(km, shell)
    assert reply and reply["msg_type"] == "execute_reply" and reply["content"]["status"] == "error", reply
    assert reply["parent_header"]["msg_id"] == header["msg_id"]
    header = km.session.msg_header("execute_request")
    shell.send_multipart(signed(km.session.pack(header), b'{"silent": true}'))
    reply = raw_reply(km, shell)
    assert reply and reply["content"]["status"] == "error" and "code" in reply["content"]["evalue"], reply
    header = km.session.msg_header("history_request")
    shell.send_multipart(signed(km.session.pack(header), b'{"hist_access_type": "search", "pattern": 5}'))
    reply = raw_reply(km, shell)
    assert reply and reply["msg_type"] == "history_reply" and reply["content"]["status"] == "error", reply
    # raw TCP garbage at the ZMTP level, on every port
    if km.transport == "tcp":
        for port in (km.shell_port, km.control_port, km.stdin_port, km.iopub_port, km.hb_port):
            with socket.create_connection((km.ip, port), timeout=2) as s:
                s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" + os.urandom(512))
                try:
                    s.recv(100)
                except OSError:
                    pass
            with socket.create_connection((km.ip, port), timeout=2) as s:
                # a valid greeting start, then nonsense
                s.sendall(b"\xff" + b"\x00" * 8 + b"\x7f\x03\x00NULL" + b"\x00" * 48 + os.urandom(64))
            with socket.create_connection((km.ip, port), timeout=2) as s:
                # a valid greeting, then a frame claiming ~7 EB (a naive decoder
                # reserves that much memory, fails, and aborts the process)
                s.sendall(b"\xff" + b"\x00" * 8 + b"\x7f\x03\x00NULL" + b"\x00" * 48 + b"\x02aAz\xff\x00\x00\x00\x00")
    for sock in (shell, control, stdin):
        sock.close()
    time.sleep(0.3)
    assert km.is_alive(), "the kernel died"
    assert heartbeat_ok(km), "heartbeat does not answer"
    msg_id = kc.kernel_info()
    assert reply_to(kc, msg_id)["content"]["implementation"] == "h5lab"
    reply, _ = execute(kc, "after")
    assert reply["content"]["execution_count"] == 1, reply["content"]


@check
def sigint_does_not_kill(km, kc):
    pid = pid_of(km)
    for _ in range(3):
        os.kill(pid, signal.SIGINT)
        time.sleep(0.1)
    assert km.is_alive(), "SIGINT killed the kernel"
    assert heartbeat_ok(km)
    reply, _ = execute(kc, "x")
    assert reply["content"]["execution_count"] == 1
    # an interrupt while idle must not leak into the next cell: same count, same error
    # (the next cell is sent once the interrupt is answered: km.interrupt_kernel() does
    # not wait, and a cell already running when it lands is rightly interrupted)
    msg = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(msg)
    reply_to(kc, msg["header"]["msg_id"], channel="control")
    reply, _ = execute(kc, "y")
    assert reply["content"]["ename"] != "KeyboardInterrupt", reply["content"]


@check
def interrupt_request_on_control(km, kc):
    msg = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(msg)
    reply = reply_to(kc, msg["header"]["msg_id"], channel="control")
    assert reply["content"] == {"status": "ok"}, reply["content"]
    assert types(iopub_of(kc, msg["header"]["msg_id"])) == ["busy", "idle"]
    assert km.is_alive()


@check
def sigterm_exits_cleanly(km, kc):
    t = time.time()
    os.kill(pid_of(km), signal.SIGTERM)
    code = wait_exit(km, 2)
    assert code == 0, f"exit status {code} after {time.time() - t:.2f} s"


@check
def unknown_message_type_gets_busy_idle_and_no_reply(km, kc):
    for channel in ("shell", "control"):
        sock = raw_socket(km, channel)
        msg = km.session.msg("bogus_request", {"x": 1})
        km.session.send(sock, msg)
        out = iopub_of(kc, msg["header"]["msg_id"])
        assert types(out) == ["busy", "idle"], (channel, types(out))
        assert raw_reply(km, sock, timeout=0.5) is None, f"unexpected reply on {channel}"
        sock.close()
    msg_id = kc.kernel_info()
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"


@check
def unsupported_usage_and_debug(km, kc):
    sock = raw_socket(km, "control")
    km.session.send(sock, km.session.msg("usage_request", {}))
    reply = raw_reply(km, sock)
    assert reply["msg_type"] == "usage_reply" and reply["content"]["status"] == "error", reply
    km.session.send(sock, km.session.msg("debug_request", {"type": "request", "seq": 3, "command": "initialize"}))
    reply = raw_reply(km, sock)
    c = reply["content"]
    assert reply["msg_type"] == "debug_reply" and c["success"] is False and c["request_seq"] == 3, reply
    sock.close()


@check
def silent_and_store_history_counting(km, kc):
    reply, out = execute(kc, "a", store_history=False)
    assert reply["content"]["execution_count"] == 0, reply["content"]
    assert "execute_input" in types(out)
    reply, out = execute(kc, "b", silent=True)
    assert reply["content"]["execution_count"] == 0, reply["content"]
    assert types(out) == ["busy", "idle"], f"silent produced {types(out)}"
    reply, out = execute(kc, "c")
    assert reply["content"]["execution_count"] == 1, reply["content"]
    inputs = [m["content"] for m in out if m["msg_type"] == "execute_input"]
    assert inputs == [{"code": "c", "execution_count": 1}], inputs
    assert types(out)[:2] == ["busy", "execute_input"] and types(out)[-1] == "idle", types(out)
    reply, out = execute(kc, "d", store_history=False)
    assert reply["content"]["execution_count"] == 1
    reply, out = execute(kc, "e")
    assert reply["content"]["execution_count"] == 2
    h = history(kc, hist_access_type="tail", n=10, output=False, raw=True)
    assert [e[2] for e in h["history"]] == ["c", "e"], h


@check
def execute_reply_and_error_shapes(km, kc):
    # With the interpreter missing every cell raises; the shapes are what matter here.
    reply, out = execute(kc, "1")
    c = reply["content"]
    if c["status"] == "error":
        assert {"ename", "evalue", "traceback", "execution_count"} <= set(c), c
        errors = [m for m in out if m["msg_type"] == "error"]
        assert len(errors) == 1 and errors[0]["content"]["ename"] == c["ename"], types(out)
    else:
        assert c["user_expressions"] == {} and c["payload"] == [], c


@check
def stop_on_error_aborts_queued(km, kc):
    first = kc.execute("raise ValueError('x')")
    queued = [kc.execute(f"q{i}") for i in range(3)]
    r = reply_to(kc, first)
    assert r["content"]["status"] == "error", r["content"]
    for msg_id in queued:
        r = reply_to(kc, msg_id)
        assert r["content"]["status"] == "aborted", r["content"]
    for msg_id in queued:
        assert types(iopub_of(kc, msg_id)) == ["busy", "idle"]
    # the next request after the queue ran out is served again
    reply, _ = execute(kc, "later")
    assert reply["content"]["status"] != "aborted"
    assert reply["content"]["execution_count"] == 2, reply["content"]
    # stop_on_error=False: nothing aborted
    first = kc.execute("fail", stop_on_error=False)
    following = kc.execute("next")
    reply_to(kc, first)
    assert reply_to(kc, following)["content"]["status"] != "aborted"


@check
def history_requests_lenient(km, kc):
    for code in ["1+2+3", "x = 1", "1+2+3", "print(x)"]:
        execute(kc, code)
    sock = raw_socket(km, "shell")

    def ask(content):
        km.session.send(sock, km.session.msg("history_request", content))
        reply = raw_reply(km, sock)
        assert reply["content"]["status"] == "ok", reply["content"]
        return reply["content"]["history"]

    # jupyter_client omits stop (range), n and unique (search)
    assert [e[1] for e in ask({"output": False, "raw": True, "hist_access_type": "range", "session": 0, "start": 2})] == [2, 3, 4]
    assert len(ask({"output": False, "raw": True, "hist_access_type": "search", "pattern": "1?2*"})) == 2
    assert len(ask({"output": False, "raw": True, "hist_access_type": "search", "pattern": "1?2*", "unique": True})) == 1
    assert ask({"output": False, "raw": True, "hist_access_type": "tail", "n": 1}) == [[1, 4, "print(x)"]]
    assert ask({"hist_access_type": "tail", "n": 1, "output": True, "raw": True})[0][2] == ["print(x)", None]
    session = ask({"hist_access_type": "tail", "n": 1})[0][0]
    assert ask({"hist_access_type": "range", "session": session, "start": 1, "stop": 2}) == [[session, 1, "1+2+3"]]
    sock.close()


@check
def comms(km, kc):
    msg_id = kc.comm_info()
    assert reply_to(kc, msg_id)["content"] == {"status": "ok", "comms": {}}
    msg = kc.session.msg("comm_open", {"comm_id": "c1", "target_name": "jupyter.widget", "data": {}})
    kc.shell_channel.send(msg)
    out = iopub_of(kc, msg["header"]["msg_id"])
    closes = [m["content"] for m in out if m["msg_type"] == "comm_close"]
    assert closes == [{"comm_id": "c1", "data": {}}], types(out)


@check
def ipc_transport(km, kc):
    stop(km, kc)
    prefix = os.path.join(os.environ.get("JUPYTER_RUNTIME_DIR", "/tmp"), "ipc-kernel")
    km, kc = start(transport="ipc", ip=prefix)
    msg_id = kc.kernel_info()
    assert reply_to(kc, msg_id)["content"]["implementation"] == "h5lab"
    assert heartbeat_ok(km)
    reply, _ = execute(kc, "1")
    assert reply["content"]["execution_count"] == 1
    return km, kc


@check
def no_signing_with_an_empty_key(km, kc):
    stop(km, kc)
    km = KernelManager(kernel_name=KERNEL)
    km.session.key = b""
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    reply, _ = execute(kc, "1")
    assert reply["content"]["execution_count"] == 1
    return km, kc


@check
def stdin_not_allowed_is_accepted(km, kc):
    reply, _ = execute(kc, "input('x')", allow_stdin=False)
    assert reply["content"]["status"] in ("ok", "error")



# ---- checks that run cells


@check
def responsive_during_a_long_cell(km, kc):
    msg_id = kc.execute("import time\nwhile True:\n    time.sleep(0.01)")
    time.sleep(0.5)
    t = time.time()
    assert heartbeat_ok(km), "heartbeat silent during a cell"
    msg = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(msg)
    reply_to(kc, msg["header"]["msg_id"], channel="control", timeout=2)
    assert time.time() - t < 2, "control blocked by the running cell"
    km.interrupt_kernel()
    reply = reply_to(kc, msg_id)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "KeyboardInterrupt", reply["content"]
    assert reply["content"]["evalue"] == ""
    # SIGINT interrupts as well
    msg_id = kc.execute("while True:\n    pass")
    time.sleep(0.5)
    os.kill(pid_of(km), signal.SIGINT)
    reply = reply_to(kc, msg_id)
    assert reply["content"]["ename"] == "KeyboardInterrupt", reply["content"]
    reply, _ = execute(kc, "1 + 1")
    assert reply["content"]["status"] == "ok", reply["content"]


@check
def input_through_stdin(km, kc):
    msg_id = kc.execute("name = input('name? ')", allow_stdin=True)
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    assert req["msg_type"] == "input_request", req
    assert req["content"]["prompt"] == "name? " and req["content"]["password"] is False, req["content"]
    assert req["parent_header"]["msg_id"] == msg_id
    kc.input("h5")
    assert reply_to(kc, msg_id)["content"]["status"] == "ok"
    reply, out = execute(kc, "name")
    results = [m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"]
    assert results == ["'h5'"], results
    reply, _ = execute(kc, "input()", allow_stdin=False)
    assert reply["content"]["ename"] == "StdinNotImplementedError", reply["content"]


@check
def shutdown_closes_open_files(km, kc):
    path = os.path.join(os.getcwd(), "written.h5")
    reply, _ = execute(kc, f"import h5py\nf = h5py.File({path!r}, 'w')\nf['x'] = [1, 2, 3]")
    assert reply["content"]["status"] == "ok", reply["content"]
    km.shutdown_kernel()
    import h5py  # the file must be complete and readable

    with h5py.File(path, "r") as f:
        assert list(f["x"][()]) == [1, 2, 3]


@check
def kill_9_after_writing_cells_leaves_a_readable_file(km, kc):
    """The session flushes files open for writing after each cell: SIGKILL between
    cells loses nothing that completed cells wrote (IPython + h5py loses the file)."""
    path = os.path.join(os.getcwd(), "killed.h5")
    cells = [
        f"import h5py, numpy as np\nf = h5py.File({path!r}, 'w')",
        "f['a'] = np.arange(10)\nf.create_group('g')",
        "f['g/b'] = np.ones((3, 4))\nf.create_dataset('c', data=np.arange(1000.0), chunks=(100,), compression='gzip')",
        "for i in range(20):\n    f[f'g/many{i}'] = [i] * 5",
    ]
    for code in cells:
        reply, _ = execute(kc, code)
        assert reply["content"]["status"] == "ok", reply["content"]
    os.kill(pid_of(km), signal.SIGKILL)
    assert wait_exit(km, 5) is not None, "the kernel survived SIGKILL"
    import h5py
    import numpy as np

    with h5py.File(path, "r") as f:
        assert list(f["a"][()]) == list(range(10))
        assert f["g/b"].shape == (3, 4) and float(f["g/b"][()].sum()) == 12.0
        assert f["c"].compression == "gzip" and float(f["c"][()].sum()) == float(np.arange(1000.0).sum())
        assert sorted(f["g"]) == sorted(["b"] + [f"many{i}" for i in range(20)]), sorted(f["g"])
        assert list(f["g/many19"][()]) == [19] * 5


class _Tags(HTMLParser):
    """Checks that every element is closed in order (void elements aside)."""

    VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "area", "base", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def well_formed(html):
    """Parses HTML with html.parser; its text, or an AssertionError naming the fault."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert not parser.problems and not parser.stack, (parser.problems, parser.stack, html[:2000])
    lowered = html.lower()
    for banned in ("<script", "<link", "<style", "javascript:", "<iframe"):
        assert banned not in lowered, f"{banned} in the view: not self-contained"
    return "".join(parser.text)


def result_of(kc, code):
    reply, out = execute(kc, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    results = [m["content"]["data"] for m in out if m["msg_type"] == "execute_result"]
    assert len(results) == 1, types(out)
    return results[0]


@check
def h5py_objects_carry_html(km, kc):
    code = ("import h5py, numpy as np\n"
            "f = h5py.File('html.h5', 'w')\n"
            "d = f.create_dataset('d<&>', data=np.arange(100, dtype=np.int8), chunks=(10,), compression='gzip')\n"
            "d")
    data = result_of(kc, code)
    assert set(data) == {"text/plain", "text/html"}, sorted(data)
    # text/plain stays IPython's
    assert data["text/plain"] == '<HDF5 dataset "d<&>": shape (100,), type "|i1">', data["text/plain"]
    text = well_formed(data["text/html"])
    for part in ['<HDF5 dataset "d<&>"', "(100,)", "int8", "(10,)", "gzip", "array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], dtype=int8)"]:
        assert part in text, (part, text)
    # a file's tree, its members escaped
    text = well_formed(result_of(kc, "f")["text/html"])
    assert "d<&>" in text and "shape (100,)" in text, text
    # a group of 10 000 members: bounded
    code = ("g = f.create_group('many')\n"
            "for i in range(10000):\n"
            "    g.create_group(f'g{i:05}')\n"
            "g")
    data = result_of(kc, code)
    assert data["text/plain"] == '<HDF5 group "/many" (10000 members)>', data["text/plain"]
    html = data["text/html"]
    text = well_formed(html)
    assert len(html) < 32_000, f"{len(html)} characters for a group of 10 000 members"
    assert "g00000/" in text and "g09999/" not in text, text[:500]
    assert re.search(r"… and 99\d\d more", text), text[-300:]
    # closed objects: just their text
    data = result_of(kc, "f.close()\nd")
    assert data["text/plain"] == "<Closed HDF5 dataset>", data
    assert well_formed(data["text/html"]) == "<Closed HDF5 dataset>", data["text/html"]


def main(names):
    for name in names:
        fn = CHECKS[name]
        km, kc = start()
        try:
            replaced = fn(km, kc)
            if replaced:
                km, kc = replaced
        finally:
            stop(km, kc)
        print("ok", name)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] == "--list":
        print("\n".join(CHECKS))
    else:
        main(sys.argv[1:])
