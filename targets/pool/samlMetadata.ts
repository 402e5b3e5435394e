/**
 * SAML 2.0 metadata for the fixture's identity provider, inline, so that CreateIdentityProvider
 * needs no network. An OIDC provider was not chosen: Cognito tries the issuer's discovery document
 * (`<oidc_issuer>/.well-known/openid-configuration`) when it creates one and only falls back to
 * explicit endpoints when discovery fails (CreateIdentityProvider ProviderDetails documentation), so
 * a dummy issuer would make creation depend on an outside host.
 */

/**
 * A self-signed certificate for CN=idp.example.com, valid 2026-11-26 to 2126-11-02 (SHA-256
 * fingerprint 5F:AF:0A:BC:…:95:CC:ED). Its private key was discarded when it was made: it can sign
 * nothing, it only has to parse as the IdP's signing certificate.
 */
export const SAML_FIXTURE_CERTIFICATE =
  'MIIDFzCCAf+gAwIBAgIUQz6gCO2tOpC1aDt97TH8Ju6K3tAwDQYJKoZIhvcNAQELBQAwGjEYMBYGA1UEAwwPaWRwLmV4YW1w' +
  'bGUuY29tMCAXDTI2MTEyNjA2MzQzNFoYDzIxMjYxMTAyMDYzNDM0WjAaMRgwFgYDVQQDDA9pZHAuZXhhbXBsZS5jb20wggEi' +
  'MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDdUoJoX+jmvHn9ZHgC1g3UDSX1CsRqPaJNzP/mA61mvgQImacyAt/ebyEt' +
  'cLwMNUeENFh33vV8ujfou1DvgM1VrCPhgcdi++DSp9amZLqOjcu+gAxfk2XKfJCsIVmxjh2XLQbvNrvNygWBJcvpCxpRvtr4' +
  'Rhuev2+wQmD1DbzpH2C6TYn4EgMSDp5xn0ZHh6gjBxyiuVcwc4KzYXg8fnmkoTBF7mPT+/hx05avh14zB5ctAnj6+EKkwIXt' +
  'Z7OkKDlRtvO4Xq42lNlW/XE7gbWV05ynBRato3sXRtLBxNG9Khloj9vK7pYjxvzGhPc3Yi8NQlhq17DJsF0Ghh1sXeWbAgMB' +
  'AAGjUzBRMB0GA1UdDgQWBBSOahOQVKduXAdSd+6R6QtFbveH6DAfBgNVHSMEGDAWgBSOahOQVKduXAdSd+6R6QtFbveH6DAP' +
  'BgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQDZSkfn6tMEPUK+qgPty8PtnTkU4DioFjRmsnJf1dTH0C/ea9sJ' +
  'oUkPVodTGr+0ScmPY57RCjQ5jA+D0r6IwMnpmPX41ck8lQ8VwHcepqQaq+oIqoV7OY5JanVkg4bfL2O17tF/zaPFz/cTQOv2' +
  'c060w6/iJJWxZuuDnqXvHe22j1xEcx3T5fP1AD8j7bco661f0pNeI7HfuXLXUfnUdfVKr5YtE66YMWr3Pe/0hWKVfAguQ2fj' +
  '3S19RTiKRUU0i1emQ3UbtpglCh9eUFq0guC+eZEz9PT7f8RJ1CPzldrPic5/lLcXiFfTIe16Ntj6wDWWInUrNHKtGax3HNfn' +
  '1Ca2';

export const SAML_FIXTURE_SSO_URL = 'https://idp.example.com/saml/sso';

export function samlIdpMetadata(entityId: string): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="${escapeXml(entityId)}">`,
    '<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">',
    '<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>',
    `<ds:X509Certificate>${SAML_FIXTURE_CERTIFICATE}</ds:X509Certificate>`,
    '</ds:X509Data></ds:KeyInfo></md:KeyDescriptor>',
    '<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>',
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${SAML_FIXTURE_SSO_URL}"/>`,
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${SAML_FIXTURE_SSO_URL}"/>`,
    '</md:IDPSSODescriptor>',
    '</md:EntityDescriptor>',
  ].join('\n');
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
