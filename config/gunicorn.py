"""gunicorn's settings for `make serve` (`gunicorn -c config/gunicorn.py`); each one can be
changed from the environment without editing this file."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One synchronous worker per core by default: the work is Python and PostgreSQL, and
# PostgreSQL shares the cores.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count()))
wsgi_app = "config.wsgi:application"
raw_env = [
    f"DJANGO_SETTINGS_MODULE={os.environ.get('DJANGO_SETTINGS_MODULE', 'config.settings.production')}"
]
# A slow phone on a bad network must not hold a worker forever, nor a stuck request.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle a worker now and then, so a slow leak never grows without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# Several instances may run side by side (one per port): no shared control socket.
control_socket_disable = True
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Readable logs on stderr: who, what, status, size, time taken in milliseconds.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
access_log_format = '%({x-forwarded-for}i)s %(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(a)s"'
# Django alone decides whom to believe about the scheme and the client (settings'
# TRUSTED_PROXY_COUNT): gunicorn trusts no forwarded header itself.
forwarded_allow_ips = ""
