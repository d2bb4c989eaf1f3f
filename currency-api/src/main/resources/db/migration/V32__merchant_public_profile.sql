-- What each merchant agreed to show the public (MerchantProfilePublished; withdrawn: no row). The
-- public directory lists it for approved merchants only, joined with participant_view.
CREATE TABLE merchant_profile_view (
    participant_id VARCHAR(64) PRIMARY KEY,
    currency       VARCHAR(16)   NOT NULL,
    address        VARCHAR(200)  NOT NULL,
    postcode       VARCHAR(5)    NOT NULL,
    commune        VARCHAR(100)  NOT NULL,
    -- exact decimal degrees as the merchant wrote them ("43.2951"), never a binary float
    latitude       VARCHAR(16),
    longitude      VARCHAR(16),
    description    VARCHAR(1000),
    website        VARCHAR(300),
    opening_hours  VARCHAR(300),
    published_by   VARCHAR(64)   NOT NULL,
    published_at   TIMESTAMPTZ   NOT NULL,
    search_commune TEXT GENERATED ALWAYS AS (mlc_fold(commune)) STORED
);
CREATE INDEX merchant_profile_view_currency_commune ON merchant_profile_view (currency, search_commune);
