"""Pelican settings for building the archive locally (`make html`)."""

SITENAME = "Clippings"
SITESUBTITLE = "An archive of news articles, tagged with the people and places they mention"
SITEURL = ""
RELATIVE_URLS = True  # the archive must also browse from file://

PATH = "content"
ARTICLE_PATHS = ["scraped"]  # content/scraped/<source-folder>/<scrape>
# A saved page's "_files" folder (kept beside it by `clippings import`) holds frames, scripts
# and images, never articles; dot-files are Pelican's default.
IGNORE_FILES = ["**/.*", "*_files"]
PAGE_PATHS = []
STATIC_PATHS = []
OUTPUT_PATH = "output"
CACHE_PATH = ".cache/pelican"  # never inside content/
THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["clippings"]
CLIPPINGS_CORRECTIONS = "corrections.toml"  # in content/: aliases, merges, ignores... by hand

TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE = None  # undated articles stay undated: never a file's mtime ('fs')
WITH_FUTURE_DATES = True
DEFAULT_PAGINATION = False
SUMMARY_MAX_LENGTH = 40

# Autoescape everything; only the article body, already sanitized by the clean stage, is |safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

# Every internal link names its file (index.html), so the archive works without a web server.
INDEX_SAVE_AS = "index.html"
ARTICLE_URL = "articles/{folder}/{slug}.html"
ARTICLE_SAVE_AS = "articles/{folder}/{slug}.html"
ARTICLE_TRANSLATION_ID = None  # each scrape is its own article, whatever its slug or language
ARTICLE_LANG_URL = "articles/{folder}/{slug}-{lang}.html"
ARTICLE_LANG_SAVE_AS = "articles/{folder}/{slug}-{lang}.html"
DIRECT_TEMPLATES = ["index", "archives", "404"]
ARCHIVES_SAVE_AS = "archives.html"

# People and places are written by the clippings plugin; Pelican's own taxonomies are off.
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
PAGE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# No feeds while developing (they need absolute URLs): publishconf.py turns them on.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
FEED_ATOM = None
FEED_RSS = None
CATEGORY_FEED_ATOM = None
CATEGORY_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
