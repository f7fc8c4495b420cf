-- The publication: sections, topics, authors, images and articles.
-- Portable SQL; ${id} is the engine's auto-numbered primary key (see dispatch.db.Dialect).
-- Instants are ISO-8601 text in UTC ("2026-11-27T09:30:00Z").

CREATE TABLE sections (
    id          ${id},
    slug        VARCHAR(80)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(400) NOT NULL,
    position    INTEGER      NOT NULL
);

CREATE TABLE topics (
    id          ${id},
    slug        VARCHAR(80)  NOT NULL UNIQUE,
    name        VARCHAR(120) NOT NULL,
    description VARCHAR(400) NOT NULL
);

-- An image may be uploaded before it is described, but an article that shows an image with
-- no alt text that is not marked decorative cannot be published (dispatch.check).
CREATE TABLE images (
    id          ${id},
    name        VARCHAR(120) NOT NULL UNIQUE,
    file        VARCHAR(200) NOT NULL,
    media_type  VARCHAR(40)  NOT NULL,
    width       INTEGER      NOT NULL,
    height      INTEGER      NOT NULL,
    alt         VARCHAR(1000),
    decorative  BOOLEAN      NOT NULL DEFAULT FALSE,
    caption     VARCHAR(1000),
    credit      VARCHAR(200),
    created_at  VARCHAR(30)  NOT NULL
);

-- Smaller copies made from each image for responsive srcset.
CREATE TABLE image_renditions (
    image_id    INTEGER      NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    width       INTEGER      NOT NULL,
    height      INTEGER      NOT NULL,
    file        VARCHAR(200) NOT NULL,
    PRIMARY KEY (image_id, width)
);

CREATE TABLE authors (
    id                ${id},
    slug              VARCHAR(80)  NOT NULL UNIQUE,
    name              VARCHAR(120) NOT NULL,
    role              VARCHAR(200) NOT NULL,
    bio               VARCHAR(2000) NOT NULL,
    portrait_image_id INTEGER REFERENCES images (id)
);

CREATE TABLE articles (
    id             ${id},
    slug           VARCHAR(120) NOT NULL UNIQUE,
    kind           VARCHAR(20)  NOT NULL CHECK (kind IN ('news', 'analysis', 'opinion', 'memo', 'report')),
    section_id     INTEGER      NOT NULL REFERENCES sections (id),
    headline       VARCHAR(300) NOT NULL,
    standfirst     VARCHAR(1000) NOT NULL,
    dateline       VARCHAR(120),
    language       VARCHAR(20)  NOT NULL,
    body_markdown  TEXT         NOT NULL,
    body_html      TEXT         NOT NULL,
    word_count     INTEGER      NOT NULL,
    lead_image_id  INTEGER REFERENCES images (id),
    status         VARCHAR(20)  NOT NULL CHECK (status IN ('draft', 'scheduled', 'published', 'unpublished')),
    access         VARCHAR(20)  NOT NULL CHECK (access IN ('free', 'members')),
    published_at   VARCHAR(30),
    updated_at     VARCHAR(30),
    created_at     VARCHAR(30)  NOT NULL
);
CREATE INDEX articles_published ON articles (status, published_at);
CREATE INDEX articles_section ON articles (section_id, status, published_at);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES authors (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author ON article_authors (author_id);

CREATE TABLE article_topics (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    topic_id   INTEGER NOT NULL REFERENCES topics (id),
    PRIMARY KEY (article_id, topic_id)
);
CREATE INDEX article_topics_topic ON article_topics (topic_id);

CREATE TABLE corrections (
    id           ${id},
    article_id   INTEGER      NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    corrected_on VARCHAR(10)  NOT NULL,
    text         VARCHAR(2000) NOT NULL
);

-- Standing pages such as "About us" and the accessibility statement, written in Markdown.
CREATE TABLE pages (
    slug       VARCHAR(80)  PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    summary    VARCHAR(400) NOT NULL,
    body_html  TEXT         NOT NULL,
    updated_at VARCHAR(30)  NOT NULL
);
