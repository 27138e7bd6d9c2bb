/**
 * !!! DEVELOPMENT ONLY — THIS KEY PAIR IS PUBLIC !!!
 *
 * A self-signed RSA document-signing certificate and its private key, committed so that
 * `pnpm dev` and the tests sign certificate PDFs without any setup. Anyone can sign a PDF with
 * it, so a PDF signed by it proves nothing; the API refuses it outside development (by its
 * fingerprint). Production configures the issuer's own certificate (DOCUMENT_SIGNING_*).
 * Made with: openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -sha256
 *   -subj "/CN=Lumen DEVELOPMENT ONLY document signer/O=Lumen (development, public key pair)"
 *   -addext keyUsage=critical,digitalSignature,nonRepudiation
 *   -addext extendedKeyUsage=1.3.6.1.5.5.7.3.36   (id-kp-documentSigning)
 */
export const DEV_DOCUMENT_SIGNING_CERT = `-----BEGIN CERTIFICATE-----
MIIDxjCCAq6gAwIBAgIUaoufRDTHkaRQinmGqHAGCTyDIfUwDQYJKoZIhvcNAQEL
BQAwYDEvMC0GA1UEAwwmTHVtZW4gREVWRUxPUE1FTlQgT05MWSBkb2N1bWVudCBz
aWduZXIxLTArBgNVBAoMJEx1bWVuIChkZXZlbG9wbWVudCwgcHVibGljIGtleSBw
YWlyKTAeFw0yNjEyMDYwNTA3NDFaFw0zNjEyMDMwNTA3NDFaMGAxLzAtBgNVBAMM
Jkx1bWVuIERFVkVMT1BNRU5UIE9OTFkgZG9jdW1lbnQgc2lnbmVyMS0wKwYDVQQK
DCRMdW1lbiAoZGV2ZWxvcG1lbnQsIHB1YmxpYyBrZXkgcGFpcikwggEiMA0GCSqG
SIb3DQEBAQUAA4IBDwAwggEKAoIBAQCGut4iGvXwUBZkoWUkJw8bc6PYTB3IFkh0
Nr/FbZxWjTIs8zLW1i9UyDTAm6nAlSBtXDcUsimaT3sqITaPuscpuX7DS0sfmax4
KgobhGHkuM7mjcO1iqGknUOLlopyEO+Je4avR8GUrUiWJM9m+lw86plXUuhwS53P
1qIH2teHxmqBsdM/4HUp94+9NlAbmXVh/DjnTR9i/jR+l6N2E6mERC3I4IRrhvqh
IvUz3f2Ik6SqIyE/W2J+lo3PxuDwUfsWnMAdzI7wmD/uFpIkVevM6iTc2eSEHiPD
dj6LS1gZyOP3u7DBSqi1pSw4e68/nemGtj7h52S1mh0G/IZcGUS7AgMBAAGjeDB2
MB0GA1UdDgQWBBSux0CZCVqjYQ5FI6nzd9FPLm96TDAfBgNVHSMEGDAWgBSux0CZ
CVqjYQ5FI6nzd9FPLm96TDAPBgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIG
wDATBgNVHSUEDDAKBggrBgEFBQcDJDANBgkqhkiG9w0BAQsFAAOCAQEARX2onDoi
lH9PKGI7XzTUviihneaGI8QqmEgTBIkr5lNBT7uyC2dwJh6JmEWGIABLT8XBIBxr
jZguitMu7ZYELea8hRZ6VTYjTK8LMyGkXNM9HMkmY7RodR6ooVpZZJzMA2c/WaOX
3cXmAwPT5vIRbRdUk1Q1QLDg0dLQ3e9wMiP61uQAbkezLC/vBvVf+EzpW0n5AE0t
h+i2cubiz7nr7Uv9Q/uZqgtTY+lsW9/zm5EcODfZ8eAav9I59k5AMIaVmW82utHP
sjxb0yJqsLMyL+z4PDuxFXy/t+yqs60q6fw3E7UX44EE5g5EuVjpE41AljDyyh6y
cHRaiYfbzasaaw==
-----END CERTIFICATE-----`;

export const DEV_DOCUMENT_SIGNING_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCGut4iGvXwUBZk
oWUkJw8bc6PYTB3IFkh0Nr/FbZxWjTIs8zLW1i9UyDTAm6nAlSBtXDcUsimaT3sq
ITaPuscpuX7DS0sfmax4KgobhGHkuM7mjcO1iqGknUOLlopyEO+Je4avR8GUrUiW
JM9m+lw86plXUuhwS53P1qIH2teHxmqBsdM/4HUp94+9NlAbmXVh/DjnTR9i/jR+
l6N2E6mERC3I4IRrhvqhIvUz3f2Ik6SqIyE/W2J+lo3PxuDwUfsWnMAdzI7wmD/u
FpIkVevM6iTc2eSEHiPDdj6LS1gZyOP3u7DBSqi1pSw4e68/nemGtj7h52S1mh0G
/IZcGUS7AgMBAAECggEAApoCJxNxM1JAlHHfY5rTelq5y7fwjUgM3x2dh2Dt92fj
k6WgkjBxmogBKMT4uqzGgwYYVDB6iC3HuZEJni3joaUg0wGVskcD4xAgwNZGE6YT
7LTJFizWoTieMMhX5Qr5rSRy/dh7XvUXpTqRvLHR7SU0j9Cch2qWYgiJeXBa4BbI
FI73GxvHliXptbxFJdh5ggg3sKdzO0vy181Khh5L9UMVgB+yvC420u7iwrLduEEI
UV0DRdtyf2rgfrVjmgQ+XpynqlBjVKSNoUFb1DsjBaFOSoqTN9HIE2Is2atS+0op
/4+jwiWx8vBW3pfpwe53AnXzGH89ceuJIhrZbwqoOQKBgQC6ukxgCrQF+ncPf1Ff
I476ZXpVdV9bFmRF9mHqenqgXdQocGeK6rKVrSTIVxVBJqCM6px/O21U8KVGJdvM
G2g+ba//EcGw3W1DPc8CzqiUXfcWKM1VV2c/ikX9eQG937gsTBqyfliAMlnUEgTQ
jbJr2cCc6XSZuz0AoTt51radgwKBgQC4tksebr+pw3p1/vxUXy9TvYyQofHV8ybm
l46QVyvIZ6sJc1ZPZorCYct2RvYqtVgFkB9vxa5CYULsHAjBZ87a7oIXIN4hvDS+
OB7h2fuTw3DmEtmHgkip7hZqKwhvHZ0mlPG+e0slp1hUa+TyWUVr45YjwFiBt07W
rfnIrJyOaQKBgCZ+19YI/tooq7kHL3hktUpL92981h7KO/vscn1LqNI85cs8eSw7
fHu9CVNAGMKouvqyN3dHgh+7yObwUSMAF3qfVGRKfdr/m1H8gRv8DOchhBoOaV6J
uWBxGkLKWqCRab/AJNTdlVNAjiJZYKK6Q6lWaA4xVveGkWn6028n49gPAoGBAJxI
UMKM/cmLRV/0wFY6uvZlWDs/ajiVpIJSFSN3PeowHHzAg3Rm1FynFdkbLUjxamo6
iP6vCUPMuyy+g4HwbQq75oHfI1LzxMR1A1wgbUWWhT2FEVwgFY8BjSGDC33IVqDA
QNHjy68uKgQzzeBnO9+PDgdtxPTrvd7SEJeDxGqRAoGAC6FWeCjmX9jN7/uK0Edb
gNPj50sNKYGeqezqgR+h9g/787OGIudDqBrH20HaWx2C5zYW9O4Pn3GghS1nhCfU
rMPSYO2s6OAuTW5xP5gZeSl0tSDW2FiyK1VVmxKrUWAZostqTIXdJJs8nZ9cFGAi
8KqH+FylZ/Sf+o7yNblBSa8=
-----END PRIVATE KEY-----`;

/** SHA-256 of the certificate (DER), what production refuses. */
export const DEV_DOCUMENT_SIGNING_FINGERPRINT =
  "f75ebab061b18b2af9ee852ecbfd177d533b51b7b7efccdbe8d01924d41d7739";
