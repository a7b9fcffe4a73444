"""Settings shared by every environment; everything that varies comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected true/false, 1/0, yes/no or on/off.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if not raw:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])

# The embedded default keeps a fresh clone zero-setup; production sets DATABASE_URL.
DEFAULT_DATABASE_URL = f"sqlite:///{VAR_DIR / 'tracker.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
else:
    # PostgreSQL's default random_page_cost (4) assumes spinning disks: at 100,000
    # agreements the planner then scans every 3 KB search vector to count a search
    # (1,072 ms) instead of combining the trigram and full-text indexes (179 ms).
    random_page_cost = os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={float(random_page_cost)}"
    )

# One cache for every process: throttling, list counts and sessions are shared when
# REDIS_URL names a Redis server; without it each process keeps its own (development).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "tracker"),
            "TIMEOUT": 3600,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

INSTALLED_APPS = [
    # modeltranslation patches the admin, so it must come before django.contrib.admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "django_countries",
    "simple_history",
    "config.apps.LoginAttemptsConfig",  # django-axes, with a translated name
    # The layers, bottom up: each app imports only those listed before it.
    "core",
    "indicators",
    "partners",
    "events",
    "agreements",
    # Above the apps: what spans every kind of record.
    "website",
    "seeding",
    "intake",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Serves collectstatic's output (compressed, cache-busted names) from the application
    # itself, so production needs no other web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML and JSON, but never a response that carries a CSRF token (BREACH).
    "config.middleware.CompressUnlessSecret",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    # Counts failed logins and refuses a locked-out client before checking the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five failed admin logins for one username from one address lock that pair out for
# 15 minutes; a successful login resets the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The address a lockout is keyed on: behind a reverse proxy every visitor would share the
# proxy's, so the client's real one is read from X-Forwarded-For, but only when
# TRUSTED_PROXY_COUNT says how many proxies of ours append to it (0: none, trust nothing).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "config.network.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Arabic is the sources' language and the default; French and English are translations.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Africa/Casablanca"
USE_TZ = True
# Arabic dates as the Moroccan sources print them ("12 شتنبر 2025"): config/formats/ar.
FORMAT_MODULE_PATH = ["config.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "ar"
MODELTRANSLATION_LANGUAGES = ("ar", "fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ar", "fr", "en")

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Fonts are looked up by a page's CSS before the page is done: let WhiteNoise answer
# them with the right type everywhere.
WHITENOISE_MIMETYPES = {".woff2": "font/woff2"}

# Cookies: never readable by scripts where no script needs them, sent only to this site.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Every response that sets no policy of its own (the public pages set a stricter one)
# gets this: the admin and the API documentation load nothing from another host. The
# admin's widgets and ReDoc set inline styles, hence 'unsafe-inline' for styles only;
# ReDoc renders in a worker made from a blob.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Logs a person can read: one line per event, time, level, where, what.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {
            "format": "{asctime} {levelname} {name}: {message}",
            "style": "{",
            "datefmt": "%Y-%m-%d %H:%M:%S %z",
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO").upper()},
    "loggers": {
        # 4xx are the client's business and already in the access log; 5xx are ours.
        "django.request": {"level": "ERROR"},
        # A request for another host name is a scanner's, answered 400 in the access log;
        # its traceback would only bury the real errors.
        "django.security.DisallowedHost": {"level": "CRITICAL"},
    },
}

# modeltranslation's tabbed admin would load jQuery UI from a CDN: serve our own copy.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SEEDS_DIR = BASE_DIR / "seeds"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous write then gets 401 with WWW-Authenticate, not 403.
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_FILTER_BACKENDS": ["api.filtering.RememberingFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_RENDERER_CLASSES": ["drf_orjson_renderer.renderers.ORJSONRenderer"],
    # Writes accept JSON only.
    "DEFAULT_PARSER_CLASSES": ["drf_orjson_renderer.parsers.ORJSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.ContentNegotiation",
    "DEFAULT_SCHEMA_CLASS": "api.schema.ApiAutoSchema",
    # Field errors come back flat, each key naming a field: {"signatories[0].person": [...]}.
    "EXCEPTION_HANDLER": "api.errors.exception_handler",
    # Throttles count per client address, read the same way as django-axes' lockouts.
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}


# -- API for integrators (issue 4): schema and docs, CORS, throttling, caching -----------------
INSTALLED_APPS += [
    "rest_framework.authtoken",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI and Redoc served from our static files, no CDN
]
# As high as possible, before anything that can answer (CommonMiddleware).
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "corsheaders.middleware.CorsMiddleware")  # fmt: skip

# Anyone may read the API from a browser on any origin; writes stay same-origin.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = [
    "Content-Language", "Content-Disposition", "ETag", "Last-Modified", "Retry-After",
]  # fmt: skip


def _throttle_rate(name: str, default: str) -> str | None:
    rate = os.environ.get(name, default).strip()
    return None if rate.lower() in {"", "off", "none"} else rate


# Per client address (anonymous) or per account; "off" disables (e.g. for benchmarks).
# Counts live in the default cache: with several server processes, use a shared cache.
API_THROTTLE_RATES = {
    "anon": _throttle_rate("API_ANON_THROTTLE_RATE", "120/minute"),
    "user": _throttle_rate("API_USER_THROTTLE_RATE", "1200/minute"),
    # The whole-dataset export, for anonymous clients.
    "export": _throttle_rate("API_EXPORT_THROTTLE_RATE", "30/hour"),
}
# How long browsers and CDNs may reuse an anonymous answer before revalidating (seconds).
API_CACHE_MAX_AGE = int(os.environ.get("API_CACHE_MAX_AGE", "60"))

SPECTACULAR_SETTINGS = {
    "TITLE": "Morocco digital agreements tracker API",
    "DESCRIPTION": (
        "The agreements Morocco's Ministry of Digital Transition and Administrative Reform "
        "signs, their parties, signatories, events, initiatives and sources, every fact "
        "backed by a verbatim quote. Read-only for everyone; editors write with a token. "
        "Dates are ISO 8601 at the precision the sources give (2023-06 is June 2023, "
        "never 2023-06-01). Translated fields follow ?lang= or Accept-Language (ar, fr, en)."
    ),
    "VERSION": "1.0.0",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "api.schema.document_empty_filters",
    ],
    "ENUM_NAME_OVERRIDES": {
        "AgreementKindEnum": "agreements.models.AgreementKind",
        "InitiativeKindEnum": "agreements.models.InitiativeKind",
        "OrganizationKindEnum": "partners.models.OrganizationKind",
        "EventKindEnum": "events.models.EventKind",
        "DatePrecisionEnum": "core.records.DatePrecision",
        "PublicationStatusEnum": "core.records.PublicationStatus",
    },
}

# -- The public site (issue 5) ----------------------------------------------------------
# sitemap.xml's templates; the Content-Security-Policy middleware, which adds a header
# only to the views that ask for one (the public pages: self-hosted assets only).
INSTALLED_APPS += ["django.contrib.sitemaps"]
if "django.middleware.csp.ContentSecurityPolicyMiddleware" not in MIDDLEWARE:
    MIDDLEWARE.insert(
        MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
        "django.middleware.csp.ContentSecurityPolicyMiddleware",
    )
