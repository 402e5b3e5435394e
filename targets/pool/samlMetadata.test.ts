import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SAML_FIXTURE_CERTIFICATE, samlIdpMetadata } from './samlMetadata.js';

describe('samlIdpMetadata', () => {
  it('embeds a certificate that parses and is valid for the next century', () => {
    const der = Buffer.from(SAML_FIXTURE_CERTIFICATE, 'base64');
    const cert = new X509Certificate(der);
    expect(cert.subject).toBe('CN=idp.example.com');
    expect(new Date(cert.validTo).getUTCFullYear()).toBeGreaterThanOrEqual(2126);
    expect(new Date(cert.validFrom).getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('is one EntityDescriptor with an IdP SSO service and the escaped entity id', () => {
    const xml = samlIdpMetadata('https://a.example/?x=1&y="2"');
    expect(xml).toContain('entityID="https://a.example/?x=1&amp;y=&quot;2&quot;"');
    expect(xml.match(/<md:EntityDescriptor /g)).toHaveLength(1);
    expect(xml).toContain('<md:IDPSSODescriptor');
    expect(xml).toContain('SingleSignOnService');
    expect(xml.length).toBeLessThan(131_072);
  });
});
