// A private CA and a serving certificate for 127.0.0.1/localhost, made fresh at every start, as
// kind does for its API server. kubectl trusts the CA through the kubeconfig's
// certificate-authority-data, so nothing is added to the machine's trust store.
import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import forge from 'node-forge';

export interface ServingCertificates {
  caPem: string;
  certPem: string;
  keyPem: string;
}

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

function serial(): string {
  // Positive 16-byte serial: a leading 0x01 byte keeps the DER integer from going negative.
  return `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
}

function newCertificate(publicKey: forge.pki.PublicKey, notBefore: Date, years = TEN_YEARS_MS): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  // A little slack backwards so a client whose clock is a minute behind still accepts it.
  cert.validity.notBefore = new Date(notBefore.getTime() - 60_000);
  cert.validity.notAfter = new Date(notBefore.getTime() + years);
  return cert;
}

const generateRsa = promisify(generateKeyPair);

/** An RSA 2048 key pair from Node's native generator (node-forge's own is several times slower). */
async function rsaKeys(): Promise<{ privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey }> {
  const { privateKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.setRsaPublicKey(key.n, key.e) };
}

/** Generates the CA and the server certificate it signs; the two keys are made in parallel. */
export async function generateServingCertificates(now = new Date()): Promise<ServingCertificates> {
  const [caKeys, keys] = await Promise.all([rsaKeys(), rsaKeys()]);
  const ca = newCertificate(caKeys.publicKey, now);
  const caName = [{ name: 'commonName', value: 'wheelhouse-sim-ca' }];
  ca.setSubject(caName);
  ca.setIssuer(caName);
  ca.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  ca.sign(caKeys.privateKey, forge.md.sha256.create());

  const cert = newCertificate(keys.publicKey, now, TEN_YEARS_MS / 10);
  cert.setSubject([{ name: 'commonName', value: 'kube-apiserver' }]);
  cert.setIssuer(caName);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        { type: 2, value: 'localhost' },
        { type: 2, value: 'kubernetes' },
        { type: 2, value: 'kubernetes.default' },
        { type: 2, value: 'kubernetes.default.svc' },
        { type: 7, ip: '127.0.0.1' },
      ],
    },
  ]);
  cert.sign(caKeys.privateKey, forge.md.sha256.create());

  return {
    caPem: forge.pki.certificateToPem(ca),
    certPem: forge.pki.certificateToPem(cert),
    keyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}
