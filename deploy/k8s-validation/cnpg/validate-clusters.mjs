#!/usr/bin/env node
// Validates CloudNativePG Cluster documents against the CRD schema of the CloudNativePG release
// ops install (deploy/README.md), as the API server would on `kubectl apply`:
//
//   kubectl kustomize ../../k8s/overlays/prod | node validate-clusters.mjs
//   node validate-clusters.mjs clusters.yaml
//
// Input: multi-document YAML or a JSON list, on stdin or from the file named. Documents other
// than postgresql.cnpg.io/v1 Clusters are ignored. Output (stdout, JSON):
//   {"crd": <CRD the schema is generated from>, "clusters": [{"name", "errors": [..]}], "valid": bool}
// Exit status: 0 all Clusters valid, 1 some are not, 2 the input cannot be read.
//
// Two checks, both from @kubernetes-models/cloudnative-pg, which is generated from the official
// CRD YAML:
// - its validator (the CRD's openAPIV3Schema compiled with ajv): types, enums, patterns, minimums,
//   required fields. The schema does not forbid unknown fields, so the validator accepts them;
// - unknown fields, which the API server's strict field validation refuses: every field of the
//   document must be a property the CRD declares. The package's TypeScript declaration of the
//   Cluster is the readable form of those properties; it is read with the TypeScript parser.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import ts from "typescript";
import { Cluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster";

const API_VERSION = "postgresql.cnpg.io/v1";
const MODEL = "@kubernetes-models/cloudnative-pg";

function readDocuments(text) {
  const documents = [];
  for (const parsed of parseAllDocuments(text)) {
    if (parsed.errors.length > 0) {
      throw new Error(parsed.errors.map((e) => e.message).join("; "));
    }
    const value = parsed.toJS();
    if (Array.isArray(value)) {
      documents.push(...value);
    } else if (value != null) {
      documents.push(value);
    }
  }
  return documents;
}

// --- the CRD's openAPIV3Schema, through the package's compiled validator -------------------------

function schemaErrors(document) {
  try {
    new Cluster(document).validate();
    return [];
  } catch (e) {
    if (!Array.isArray(e.errors)) {
      return [`/ ${e.message}`];
    }
    return e.errors.map((error) => {
      const allowed = error.params?.allowedValues ? ` (${error.params.allowedValues.join(", ")})` : "";
      return `${error.instancePath || "/"} ${error.message}${allowed}`;
    });
  }
}

// --- the properties the CRD declares, from the package's declaration of ICluster ---------------

// A shape is what is known of a value: the properties of an object (open when it may hold any key),
// the shape of an array's items, or null when nothing is known (scalars, and metadata: an
// ObjectMeta that the Kubernetes side of the build checks).
function declaredShape() {
  const path = fileURLToPath(import.meta.resolve(`${MODEL}/postgresql.cnpg.io/v1/Cluster`)).replace(/\.js$/, ".d.ts");
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest);
  const cluster = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === "ICluster");
  if (!cluster) {
    throw new Error(`no interface ICluster in ${path}`);
  }
  return objectShape(cluster.members);
}

function objectShape(members) {
  const properties = new Map();
  let open = members.length === 0; // `{}`: the CRD declares no properties, so it may hold any
  for (const member of members) {
    if (ts.isPropertySignature(member)) {
      properties.set(member.name.text, shapeOf(member.type));
    } else if (ts.isIndexSignatureDeclaration(member)) {
      open = true; // a map (additionalProperties)
    }
  }
  return { properties, open };
}

function shapeOf(type) {
  if (ts.isTypeLiteralNode(type)) {
    return objectShape(type.members);
  }
  if (ts.isArrayTypeNode(type)) {
    return { items: shapeOf(type.elementType) };
  }
  if (ts.isTypeReferenceNode(type)) {
    const isArray = ts.isIdentifier(type.typeName) && type.typeName.text === "Array" && type.typeArguments?.length === 1;
    return isArray ? { items: shapeOf(type.typeArguments[0]) } : null;
  }
  if (ts.isParenthesizedTypeNode(type)) {
    return shapeOf(type.type);
  }
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
    return type.types.map(shapeOf).reduce(merge, null);
  }
  return null;
}

function merge(a, b) {
  if (!a || !b) {
    return a ?? b;
  }
  if (a.properties && b.properties) {
    return { properties: new Map([...a.properties, ...b.properties]), open: a.open || b.open };
  }
  if (a.items && b.items) {
    return { items: merge(a.items, b.items) };
  }
  return a.properties || a.items ? a : b;
}

function unknownFields(value, shape, path) {
  if (!shape || value === null || typeof value !== "object") {
    return [];
  }
  if (Array.isArray(value)) {
    return shape.items ? value.flatMap((item, i) => unknownFields(item, shape.items, `${path}/${i}`)) : [];
  }
  if (!shape.properties) {
    return [];
  }
  return Object.entries(value).flatMap(([key, field]) => {
    if (shape.properties.has(key)) {
      return unknownFields(field, shape.properties.get(key), `${path}/${key}`);
    }
    return shape.open ? [] : [`${path}/${key} is not a field of the CRD schema (kubectl apply refuses unknown fields)`];
  });
}

// --- main -------------------------------------------------------------------------------------------

function main() {
  let documents;
  try {
    const file = process.argv[2];
    documents = readDocuments(readFileSync(file && file !== "-" ? file : 0, "utf8"));
  } catch (e) {
    console.error(`cannot read the documents: ${e.message}`);
    return 2;
  }
  const crd = JSON.parse(readFileSync(fileURLToPath(import.meta.resolve(`${MODEL}/package.json`)), "utf8"))["crd-generate"].input[0];
  const declared = declaredShape();
  const clusters = documents
    .filter((d) => d?.apiVersion === API_VERSION && d?.kind === "Cluster")
    .map((d) => ({ name: d.metadata?.name ?? null, errors: [...schemaErrors(d), ...unknownFields(d, declared, "")] }));
  const valid = clusters.every((c) => c.errors.length === 0);
  console.log(JSON.stringify({ crd, clusters, valid }, null, 2));
  return valid ? 0 : 1;
}

process.exitCode = main();
