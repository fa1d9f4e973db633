import { describe, expect, it } from 'vitest';
import { mockContact } from './contact.ts';

describe('mockContact', () => {
  it('reads an email signature: name line, "Role at Company", email and phone', () => {
    const text = 'Thanks!\n\nJane Doe, Head of Sales at Acme Corp\njane.doe@acme.io\n+1 (555) 010-2030';
    expect(mockContact(text)).toEqual({
      name: 'Jane Doe',
      email: 'jane.doe@acme.io',
      phone: '+1 (555) 010-2030',
      company: 'Acme Corp',
      role: 'Head of Sales',
    });
  });

  it('reads labelled lines', () => {
    const text = 'Name: Li Wei\nEmail: li@example.org\nPhone: 020 7946 0123\nCompany: Wei & Co\nRole: Founder';
    expect(mockContact(text)).toEqual({ name: 'Li Wei', email: 'li@example.org', phone: '020 7946 0123', company: 'Wei & Co', role: 'Founder' });
  });

  it('reads a one-line signature of comma-separated pieces', () => {
    expect(mockContact('Grace Hopper, Eckert-Mauchly Corp, lead engineer — grace@emcc.com, +1 215 555 0100')).toEqual({
      name: 'Grace Hopper',
      email: 'grace@emcc.com',
      phone: '+1 215 555 0100',
      company: 'Eckert-Mauchly Corp',
      role: 'lead engineer',
    });
  });

  it('derives the name from the email address and the company from its domain when the text says no more', () => {
    expect(mockContact('reach me at sam.taylor@northwind.com')).toMatchObject({ name: 'Sam Taylor', company: 'Northwind' });
  });

  it('does not take a webmail domain for a company', () => {
    expect(mockContact('sam.taylor@gmail.com').company).toBe('Analytical Engines Ltd');
  });

  it('fills every field it cannot find with a fixed value', () => {
    expect(mockContact('')).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+44 20 7946 0000',
      company: 'Analytical Engines Ltd',
      role: 'Head of Research',
    });
  });
});
