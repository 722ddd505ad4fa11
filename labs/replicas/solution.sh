#!/usr/bin/env bash
# Solution for the `replicas` lab. Runs in the simulator's shell and in bash with the real
# kubectl against a kind cluster (there `sim` is not found, so the `docker` half of each `||` runs).

# Step 1: a pod made by hand, before any ReplicaSet exists (the starter file, unchanged).
kubectl apply -f catalog-by-hand.yaml
kubectl wait --for=condition=Ready pod/catalog-by-hand -n replicas --timeout=120s

# Step 2: the ReplicaSet with its gaps filled. It adopts catalog-by-hand and creates only two pods.
cat > catalog-rs.yaml <<'YAML'
apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: catalog
  namespace: replicas
  labels:
    app: catalog
spec:
  replicas: 3
  selector:
    matchLabels:
      app: catalog
  template:
    metadata:
      labels:
        app: catalog
        tier: backend
    spec:
      tolerations:
        - key: node.kubernetes.io/unreachable
          operator: Exists
          effect: NoExecute
          tolerationSeconds: 30
        - key: node.kubernetes.io/not-ready
          operator: Exists
          effect: NoExecute
          tolerationSeconds: 30
      containers:
        - name: catalog
          image: bookstore/catalog:1.0
          ports:
            - containerPort: 8080
YAML
kubectl apply -f catalog-rs.yaml
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n replicas --timeout=120s
kubectl get pod catalog-by-hand -n replicas -o jsonpath='{.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}'

# Step 3: one pod too many. The ReplicaSet adopts it, counts four and deletes the newcomer.
kubectl run catalog-extra --image=bookstore/catalog:1.0 --labels=app=catalog,tier=backend -n replicas
kubectl wait --for=delete pod/catalog-extra -n replicas --timeout=120s
kubectl describe rs catalog -n replicas

# Step 4: stop wheelhouse-worker2. After 50 s it is NotReady and tainted; 30 s later (the pods'
# toleration) its pods are evicted (condition DisruptionTarget) and replaced on wheelhouse-worker.
# (If no catalog pod ran on wheelhouse-worker2, the second wait finds nothing and the script
# carries on: the grade is already met.)
sim node stop wheelhouse-worker2 || docker stop wheelhouse-worker2
kubectl wait --for=condition=Ready=Unknown node/wheelhouse-worker2 --timeout=180s
kubectl wait --for=condition=DisruptionTarget pods -l app=catalog --field-selector=spec.nodeName=wheelhouse-worker2 -n replicas --timeout=180s
kubectl wait --for=jsonpath='{.status.readyReplicas}'=3 rs/catalog -n replicas --timeout=180s
kubectl get pods -n replicas -o wide

# Bring the node back; the Terminating pods are cleaned up and the replacements stay put.
sim node start wheelhouse-worker2 || docker start wheelhouse-worker2
kubectl wait --for=condition=Ready node/wheelhouse-worker2 --timeout=180s
kubectl get pods -n replicas -o wide
